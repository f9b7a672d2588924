package org.clustergrid.app.cli;

/** Reading option values from a command line, with errors naming the option. */
final class Args {
    private Args() {}

    /** The value after an option; {@code i} is its index. */
    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static double number(String s, String option) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + s + "'");
        }
    }

    static long wholeNumber(String s, String option) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + s + "'");
        }
    }

    /** Server settings passed through to Spring rather than read by a command. */
    static boolean isSetting(String arg) {
        return arg.startsWith("--clustergrid.") || arg.startsWith("--spring.") || arg.startsWith("--logging.");
    }
}
