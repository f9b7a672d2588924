package org.clustergrid.ingest.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule's {@code when}: a test on the source fields of a record. One field against a regular expression, or
 * {@code all}, {@code any} and {@code not} of other conditions, nested as deep as needed; see {@link Mapping} for the
 * YAML form.
 */
public sealed interface Condition {
    String SHAPES = "{field: F, matches: RE}, {all: [...]}, {any: [...]} or {not: {...}}";

    boolean test(Map<String, Object> attributes);

    /** Adds the source fields this condition reads. */
    void addFields(Collection<String> into);

    /** The source fields this condition reads, in order of first appearance. */
    default Set<String> fields() {
        Set<String> out = new LinkedHashSet<>();
        addFields(out);
        return out;
    }

    /** True when the field has a value in which the regular expression is found; an empty field never matches. */
    record Matches(String field, Pattern pattern) implements Condition {
        @Override
        public boolean test(Map<String, Object> attributes) {
            Object v = attributes.get(field);
            return v != null && pattern.matcher(v.toString()).find();
        }

        @Override
        public void addFields(Collection<String> into) {
            into.add(field);
        }
    }

    /** True when every condition is. */
    record All(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Map<String, Object> attributes) {
            return conditions.stream().allMatch(c -> c.test(attributes));
        }

        @Override
        public void addFields(Collection<String> into) {
            conditions.forEach(c -> c.addFields(into));
        }
    }

    /** True when at least one condition is. */
    record Any(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Map<String, Object> attributes) {
            return conditions.stream().anyMatch(c -> c.test(attributes));
        }

        @Override
        public void addFields(Collection<String> into) {
            conditions.forEach(c -> c.addFields(into));
        }
    }

    /** True when the condition is not (so also when the field it tests is empty). */
    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(Map<String, Object> attributes) {
            return !condition.test(attributes);
        }

        @Override
        public void addFields(Collection<String> into) {
            condition.addFields(into);
        }
    }

    /**
     * A condition from its parsed YAML (maps, lists and scalars).
     *
     * @param where names the condition in messages, e.g. {@code 'when'} or {@code 'when' > all, item 2}
     * @throws IllegalArgumentException naming {@code where} and what is wrong
     */
    public static Condition parse(Object yaml, String where) {
        if (!(yaml instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException(where + " must be one of " + SHAPES);
        }
        for (String combinator : List.of("all", "any", "not")) {
            if (map.containsKey(combinator)) {
                if (map.size() != 1) {
                    throw new IllegalArgumentException(where + ": '" + combinator
                            + "' cannot share its condition with " + others(map, combinator));
                }
                String inner = where + " > " + combinator;
                return switch (combinator) {
                    case "all" -> new All(list(map.get("all"), inner));
                    case "any" -> new Any(list(map.get("any"), inner));
                    default -> new Not(parse(map.get("not"), inner));
                };
            }
        }
        Object field = map.get("field");
        Object matches = map.get("matches");
        if (map.size() != 2 || !isText(field) || !isText(matches)) {
            throw new IllegalArgumentException(where + " must be one of " + SHAPES + ", found " + map);
        }
        try {
            return new Matches(field.toString(), Pattern.compile(matches.toString()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": bad regular expression: " + e.getDescription());
        }
    }

    private static List<Condition> list(Object yaml, String where) {
        if (!(yaml instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException(where + " needs a list of at least one condition");
        }
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(parse(items.get(i), where + ", item " + (i + 1)));
        }
        return List.copyOf(out);
    }

    private static boolean isText(Object v) {
        return v != null && !(v instanceof Map) && !(v instanceof List) && !v.toString().isEmpty();
    }

    private static String others(Map<?, ?> map, String key) {
        List<String> rest = new ArrayList<>();
        map.keySet().forEach(k -> {
            if (!key.equals(k)) {
                rest.add("'" + k + "'");
            }
        });
        return String.join(", ", rest);
    }
}
