package org.clustergrid.filter;

/**
 * Splits CQL2 Text into tokens on demand, from any offset, so the parser can look one token ahead and hand a WKT
 * literal to the WKT reader whole.
 */
final class Cql2Lexer {
    enum Kind {
        WORD,
        QUOTED_NAME,
        TEXT,
        NUMBER,
        SYMBOL,
        END
    }

    /** {@code value} is the text of a literal without its quotes; {@code start} and {@code end} are offsets. */
    record Token(Kind kind, String text, String value, int start, int end) {
        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        /** How an error message names what it found. */
        String describe() {
            return switch (kind) {
                case END -> "end of text";
                case TEXT -> "the text '" + Literals.excerpt(value) + "'";
                case NUMBER -> "the number " + Literals.excerpt(text);
                case QUOTED_NAME -> "the name " + Literals.excerpt(text);
                case WORD, SYMBOL -> "'" + Literals.excerpt(text) + "'";
            };
        }
    }

    private final String s;

    Cql2Lexer(String s) {
        this.s = s;
    }

    String source() {
        return s;
    }

    Token read(int from) {
        int i = skipSpace(from);
        if (i >= s.length()) {
            return new Token(Kind.END, "", "", i, i);
        }
        char c = s.charAt(i);
        if (c == '\'') {
            return text(i);
        }
        if (c == '"') {
            return quotedName(i);
        }
        if (Character.isDigit(c) || startsSignedNumber(i)) {
            return number(i);
        }
        if (isNameStart(c)) {
            int end = i + 1;
            while (end < s.length() && isNamePart(s.charAt(end))) {
                end++;
            }
            return new Token(Kind.WORD, s.substring(i, end), s.substring(i, end), i, end);
        }
        return symbol(i, c);
    }

    int skipSpace(int from) {
        int i = from;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private boolean startsSignedNumber(int i) {
        char c = s.charAt(i);
        boolean sign = (c == '-' || c == '+') && i + 1 < s.length();
        int digitAt = sign ? i + 1 : i;
        if (sign && Character.isDigit(s.charAt(digitAt))) {
            return true;
        }
        return s.charAt(digitAt) == '.' && digitAt + 1 < s.length() && Character.isDigit(s.charAt(digitAt + 1));
    }

    /** {@code ''} and {@code \'} stand for a quote; every other character, backslashes included, is itself. */
    private Token text(int start) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                value.append('\'');
                i += 2;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                value.append('\'');
                i += 2;
            } else if (c == '\'') {
                return new Token(Kind.TEXT, s.substring(start, i + 1), value.toString(), start, i + 1);
            } else {
                value.append(c);
                i++;
            }
        }
        throw FilterSyntaxException.at(start, "the text starting here has no closing quote (')");
    }

    private Token quotedName(int start) {
        int close = s.indexOf('"', start + 1);
        if (close < 0) {
            throw FilterSyntaxException.at(start, "the property name starting here has no closing quote (\")");
        }
        if (close == start + 1) {
            throw FilterSyntaxException.at(start, "a quoted property name must not be empty");
        }
        return new Token(Kind.QUOTED_NAME, s.substring(start, close + 1), s.substring(start + 1, close), start,
                close + 1);
    }

    private Token number(int start) {
        int i = start;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            i++;
        }
        i = digits(i);
        if (i < s.length() && s.charAt(i) == '.') {
            i = digits(i + 1);
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < s.length() && (s.charAt(exponent) == '-' || s.charAt(exponent) == '+')) {
                exponent++;
            }
            int end = digits(exponent);
            if (end == exponent) {
                throw FilterSyntaxException.at(start, "the number " + Literals.excerpt(s.substring(start, end))
                        + " has no digits after its exponent");
            }
            i = end;
        }
        if (i < s.length() && isNamePart(s.charAt(i)) && s.charAt(i) != '.') {
            throw FilterSyntaxException.at(i, "expected a space or an operator after the number "
                    + Literals.excerpt(s.substring(start, i)) + "; got '" + s.charAt(i) + "'");
        }
        try {
            Literals.number(s.substring(start, i));
        } catch (FilterSyntaxException e) {
            throw FilterSyntaxException.at(start, e.getMessage().substring("filter: ".length()));
        }
        return new Token(Kind.NUMBER, s.substring(start, i), s.substring(start, i), start, i);
    }

    private int digits(int from) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private Token symbol(int i, char c) {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (two.equals("<>") || two.equals("<=") || two.equals(">=")) {
            return new Token(Kind.SYMBOL, two, two, i, i + 2);
        }
        if (two.equals("!=")) {
            throw FilterSyntaxException.at(i, "'!=' is not CQL2; write '<>' for 'not equal'");
        }
        if ("=<>(),".indexOf(c) >= 0) {
            return new Token(Kind.SYMBOL, String.valueOf(c), String.valueOf(c), i, i + 1);
        }
        throw FilterSyntaxException.at(i, "unexpected character '" + c + "'");
    }

    /** CQL2's identifiers (the XML name rules): letters, '_' and ':' to start, digits and '.' also after. */
    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || Character.isDigit(c) || c == '.' || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
