package org.clustergrid.render.sld;

import java.util.ArrayList;
import java.util.List;

/**
 * A PropertyIsLike pattern, matched by walking it rather than as a regular expression: a pattern of many wildcards
 * then costs at most text length × pattern length, where a backtracking regex could take exponential time.
 */
final class LikePattern {
    private static final int ANY = -1;
    private static final int ONE = -2;

    private final int[] tokens; // code points, or ANY / ONE
    private final boolean matchCase;

    private LikePattern(int[] tokens, boolean matchCase) {
        this.tokens = tokens;
        this.matchCase = matchCase;
    }

    static LikePattern of(String pattern, String wild, String single, String escape, boolean matchCase) {
        List<Integer> out = new ArrayList<>();
        String p = matchCase ? pattern : FilterReader.fold(pattern);
        int i = 0;
        while (i < p.length()) {
            if (p.startsWith(escape, i) && i + escape.length() < p.length()) {
                i += escape.length();
                int cp = p.codePointAt(i);
                out.add(cp);
                i += Character.charCount(cp);
            } else if (p.startsWith(wild, i)) {
                if (out.isEmpty() || out.get(out.size() - 1) != ANY) {
                    out.add(ANY);
                }
                i += wild.length();
            } else if (p.startsWith(single, i)) {
                out.add(ONE);
                i += single.length();
            } else {
                int cp = p.codePointAt(i);
                out.add(cp);
                i += Character.charCount(cp);
            }
        }
        return new LikePattern(out.stream().mapToInt(Integer::intValue).toArray(), matchCase);
    }

    boolean matches(String value) {
        int[] s = (matchCase ? value : FilterReader.fold(value)).codePoints().toArray();
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        while (si < s.length) {
            if (pi < tokens.length && (tokens[pi] == ONE || tokens[pi] == s[si])) {
                si++;
                pi++;
            } else if (pi < tokens.length && tokens[pi] == ANY) {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < tokens.length && tokens[pi] == ANY) {
            pi++;
        }
        return pi == tokens.length;
    }
}
