package org.clustergrid.render.sld;

import static org.clustergrid.render.sld.Dom.elements;
import static org.clustergrid.render.sld.Dom.localName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * Reads an {@code ogc:Filter} (Filter Encoding 1.0 / 1.1 / 2.0 comparisons and logic) into a test of a feature's
 * attributes. A number and a text compare as numbers when the text reads as one, else everything compares as text;
 * a missing value matches only PropertyIsNull. An operator or expression it cannot evaluate is an error rather than
 * ignored, since ignoring it would draw features the style meant to leave out.
 */
final class FilterReader {
    private static final List<String> COMPARISONS = List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo",
            "PropertyIsLessThan", "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThan",
            "PropertyIsGreaterThanOrEqualTo");

    private FilterReader() {}

    /** The test of a Filter element holding one operator. */
    static Predicate<Map<String, Object>> filter(Element filter) {
        List<Element> ops = elements(filter);
        if (ops.size() != 1) {
            throw new SldException("a Filter must hold exactly one operator; this one holds " + ops.size());
        }
        return operator(ops.get(0));
    }

    private static Predicate<Map<String, Object>> operator(Element e) {
        String op = localName(e);
        switch (op) {
            case "And", "Or" -> {
                List<Predicate<Map<String, Object>>> parts = new ArrayList<>();
                elements(e).forEach(c -> parts.add(operator(c)));
                if (parts.isEmpty()) {
                    throw new SldException(op + " needs at least one operator inside");
                }
                boolean and = op.equals("And");
                return a -> {
                    for (Predicate<Map<String, Object>> p : parts) {
                        if (p.test(a) != and) {
                            return !and;
                        }
                    }
                    return and;
                };
            }
            case "Not" -> {
                List<Element> inner = elements(e);
                if (inner.size() != 1) {
                    throw new SldException("Not needs exactly one operator inside");
                }
                return operator(inner.get(0)).negate();
            }
            case "PropertyIsNull" -> {
                Function<Map<String, Object>, Object> x = expression(only(e, op, 1).get(0));
                return a -> x.apply(a) == null;
            }
            case "PropertyIsLike" -> {
                return like(e);
            }
            case "PropertyIsBetween" -> {
                return between(e);
            }
            default -> {
                if (COMPARISONS.contains(op)) {
                    return comparison(e, op);
                }
                throw new SldException("the filter operator " + op + " is not supported; use PropertyIsEqualTo,"
                        + " PropertyIsNotEqualTo, PropertyIsLessThan(OrEqualTo), PropertyIsGreaterThan(OrEqualTo),"
                        + " PropertyIsLike, PropertyIsNull, PropertyIsBetween, And, Or, Not");
            }
        }
    }

    private static List<Element> only(Element e, String op, int n) {
        List<Element> args = elements(e);
        if (args.size() != n) {
            throw new SldException(op + " needs " + n + (n == 1 ? " expression" : " expressions") + "; it has "
                    + args.size());
        }
        return args;
    }

    private static Predicate<Map<String, Object>> comparison(Element e, String op) {
        List<Element> args = only(e, op, 2);
        Function<Map<String, Object>, Object> x = expression(args.get(0));
        Function<Map<String, Object>, Object> y = expression(args.get(1));
        boolean matchCase = !"false".equalsIgnoreCase(e.getAttribute("matchCase"));
        return a -> {
            Integer c = Values.compare(x.apply(a), y.apply(a), matchCase);
            if (c == null) {
                return false;
            }
            return switch (op) {
                case "PropertyIsEqualTo" -> c == 0;
                case "PropertyIsNotEqualTo" -> c != 0;
                case "PropertyIsLessThan" -> c < 0;
                case "PropertyIsLessThanOrEqualTo" -> c <= 0;
                case "PropertyIsGreaterThan" -> c > 0;
                default -> c >= 0;
            };
        };
    }

    private static Predicate<Map<String, Object>> between(Element e) {
        List<Element> args = elements(e);
        Element lower = Dom.child(e, "LowerBoundary");
        Element upper = Dom.child(e, "UpperBoundary");
        if (args.size() != 3 || lower == null || upper == null) {
            throw new SldException("PropertyIsBetween needs an expression, a LowerBoundary and an UpperBoundary");
        }
        Function<Map<String, Object>, Object> x = expression(args.get(0));
        Function<Map<String, Object>, Object> lo = expression(only(lower, "LowerBoundary", 1).get(0));
        Function<Map<String, Object>, Object> hi = expression(only(upper, "UpperBoundary", 1).get(0));
        return a -> {
            Object v = x.apply(a);
            Integer c1 = Values.compare(v, lo.apply(a), true);
            Integer c2 = Values.compare(v, hi.apply(a), true);
            return c1 != null && c2 != null && c1 >= 0 && c2 <= 0;
        };
    }

    private static Predicate<Map<String, Object>> like(Element e) {
        List<Element> args = only(e, "PropertyIsLike", 2);
        Function<Map<String, Object>, Object> x = expression(args.get(0));
        if (!localName(args.get(1)).equals("Literal")) {
            throw new SldException("PropertyIsLike needs a Literal pattern");
        }
        String pattern = args.get(1).getTextContent();
        String wild = attr(e, "wildCard", "*");
        String single = attr(e, "singleChar", ".");
        String escape = attr(e, "escapeChar", attr(e, "escape", "\\"));
        boolean matchCase = !"false".equalsIgnoreCase(e.getAttribute("matchCase"));
        LikePattern p = LikePattern.of(pattern, wild, single, escape, matchCase);
        return a -> {
            Object v = x.apply(a);
            return v != null && p.matches(Values.text(v));
        };
    }

    private static String attr(Element e, String name, String fallback) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? fallback : v;
    }

    /** A PropertyName (the attribute's value) or a Literal (its text); no functions or arithmetic. */
    static Function<Map<String, Object>, Object> expression(Element e) {
        String kind = localName(e);
        String text = e.getTextContent().strip();
        return switch (kind) {
            case "PropertyName", "ValueReference" -> {
                if (text.isEmpty()) {
                    throw new SldException(kind + " is empty");
                }
                // a prefixed name (topp:A3) names the attribute A3
                String name = text.substring(text.indexOf(':') + 1);
                yield a -> a.containsKey(text) ? a.get(text) : a.get(name);
            }
            case "Literal" -> a -> text;
            default -> throw new SldException("the filter expression " + kind
                    + " is not supported; use PropertyName and Literal");
        };
    }

    /** Case-folding for matchCase="false", the same for both sides. */
    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
