package org.clustergrid.app;

import java.io.PrintStream;
import java.util.Arrays;
import org.clustergrid.app.cli.AccountCommands;
import org.clustergrid.app.cli.ImportCommand;
import org.clustergrid.app.cli.PasswordInput;
import org.clustergrid.app.cli.PortfolioCommand;
import org.clustergrid.app.cli.RegionReportCommand;
import org.clustergrid.app.cli.RegisterCommand;
import org.clustergrid.app.cli.ReportCommand;
import org.clustergrid.app.cli.ScenarioCommand;
import org.clustergrid.app.cli.ScoreCommand;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.register.roundtrip.RegisterExport;
import org.clustergrid.register.roundtrip.RegisterRestore;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.AuditLog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the ClusterGrid server, or with {@code import ...}, {@code score ...}, {@code scenario ...},
 * {@code portfolio ...}, {@code report ...}, {@code register ...}, {@code users ...} or
 * {@code keys ...}
 * as arguments runs that command against the configured store without the web server.
 */
@SpringBootApplication(scanBasePackages = "org.clustergrid")
public class ClusterGridApplication {
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("import", "score", "scenario", "portfolio",
            "report", "users", "keys", "register");

    public static void main(String[] args) {
        args = commandFirst(args);
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(runImport(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("score")) {
            System.exit(runScore(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("scenario")) {
            System.exit(runScenario(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("portfolio")) {
            System.exit(runPortfolio(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("register")) {
            System.exit(runCommand(Arrays.copyOfRange(args, 1, args.length), RegisterCommand.USAGE,
                    RegisterCommand::parse, (ctx, o) -> RegisterCommand.run(ctx.getBean(RegisterExport.class), o,
                            System.out, System.err)));
        }
        if (args.length > 0 && args[0].equals("report")) {
            System.exit(runReport(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && (args[0].equals("users") || args[0].equals("keys"))) {
            System.exit(runAccounts(args, new PasswordInput(System.getenv(PasswordInput.ENV), System.console(),
                    System.in), System.out, System.err));
        }
        SpringApplication.run(ClusterGridApplication.class, args);
    }

    /**
     * The arguments with a command named after server settings ({@code --clustergrid.data-dir=… import osm …}) moved to
     * the front, so that it runs the command rather than starting the server with the command's words as arguments.
     */
    static String[] commandFirst(String[] args) {
        int k = 0;
        while (k < args.length && args[k].startsWith("--") && args[k].contains("=")) {
            k++;
        }
        if (k == 0 || k == args.length || !COMMANDS.contains(args[k])) {
            return args;
        }
        String[] out = new String[args.length];
        out[0] = args[k];
        System.arraycopy(args, 0, out, 1, k);
        System.arraycopy(args, k + 1, out, k + 1, args.length - k - 1);
        return out;
    }

    static int runImport(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(ImportCommand.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        org.clustergrid.app.ImportOptions options;
        try {
            options = ImportCommand.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(ImportCommand.USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext ctx = commandContext(args)) {
            if (ctx == null) {
                return 1;
            }
            if (options.isRegisterRestore()) {
                return ImportCommand.runRegister(ctx.getBean(RegisterRestore.class), options, System.out, System.err);
            }
            if (options.isRaster()) {
                return ImportCommand.runRaster(ctx.getBean(RasterImporter.class), options, System.out, System.err);
            }
            return options.isContextLayer()
                    ? ImportCommand.runContext(ctx.getBean(ContextLayerImporter.class), options, System.out, System.err)
                    : ImportCommand.run(ctx.getBean(Importer.class), options, System.out, System.err);
        }
    }

    static int runScore(String[] args) {
        ScoreCommand.Options options;
        try {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.println(ScoreCommand.USAGE);
                return 0;
            }
            options = ScoreCommand.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(ScoreCommand.USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext ctx = commandContext(args)) {
            if (ctx == null) {
                return 1;
            }
            return ScoreCommand.run(ctx.getBean(ScoringService.class), options, System.out, System.err);
        }
    }

    static int runScenario(String[] args) {
        return runCommand(args, ScenarioCommand.USAGE, ScenarioCommand::parse,
                (ctx, o) -> ScenarioCommand.run(ctx.getBean(ScenarioService.class), o, System.out, System.err));
    }

    static int runPortfolio(String[] args) {
        return runCommand(args, PortfolioCommand.USAGE, PortfolioCommand::parse,
                (ctx, o) -> PortfolioCommand.run(ctx.getBean(ScenarioService.class),
                        ctx.getBean(PortfolioReportService.class), o, System.out, System.err));
    }

    static int runReport(String[] args) {
        if (args.length > 0 && args[0].equals("region")) {
            return runCommand(args, RegionReportCommand.USAGE, RegionReportCommand::parse, (ctx, o) ->
                    RegionReportCommand.run(ctx.getBean(RegionReportService.class), o, System.out, System.err));
        }
        return runCommand(args, ReportCommand.USAGE, ReportCommand::parse,
                (ctx, o) -> ReportCommand.run(ctx.getBean(ReportService.class), o, System.out, System.err));
    }

    /**
     * A command that needs arguments: its usage without any or on {@code --help}, a parse error with the usage, else
     * run in the application context of its settings.
     */
    private static <O> int runCommand(String[] args, String usage, java.util.function.Function<String[], O> parse,
            java.util.function.BiFunction<ConfigurableApplicationContext, O, Integer> run) {
        O options;
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
                System.out.println(usage);
                return args.length == 0 ? 2 : 0;
            }
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage);
            return 2;
        }
        try (ConfigurableApplicationContext ctx = commandContext(args)) {
            return ctx == null ? 1 : run.apply(ctx, options);
        }
    }

    static int runAccounts(String[] args, PasswordInput passwords, PrintStream out, PrintStream err) {
        AccountCommands.Invocation command;
        try {
            if (args.length < 2 || args[1].equals("--help") || args[1].equals("-h")) {
                out.println(AccountCommands.USAGE);
                return args.length < 2 ? 2 : 0;
            }
            command = AccountCommands.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(AccountCommands.USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext ctx = commandContext(args)) {
            if (ctx == null) {
                return 1;
            }
            return AccountCommands.run(command, ctx.getBean(Accounts.class), ctx.getBean(AuditLog.class), passwords,
                    out, err);
        }
    }

    /**
     * A context without the web server, for the commands; server settings pass through as --clustergrid.*. Null, with
     * the reason on standard error, when it cannot start (a store it cannot open, a profile it cannot read): the
     * reason, not Spring's chain of bean failures.
     */
    private static ConfigurableApplicationContext commandContext(String[] args) {
        SpringApplication app = new SpringApplication(ClusterGridApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(java.util.Map.of("clustergrid.demo.enabled", "false", "spring.main.banner-mode", "off",
                "logging.level.root", "WARN", "logging.level.org.springframework.boot.SpringApplication", "OFF",
                "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR"));
        try {
            return app.run(ImportCommand.settingsArguments(args).toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println("error: cannot start: " + reason(e));
            return null;
        }
    }

    /**
     * What went wrong, without Spring's wrapping: the outermost of our own exceptions in the chain (its message says
     * what it was doing), else the innermost one.
     */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root
                && !root.getClass().getName().startsWith("org.clustergrid.")) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        return root instanceof java.nio.file.NoSuchFileException ? "no such file: " + message
                : message.isEmpty() ? root.getClass().getSimpleName() : message;
    }
}
