package org.clustergrid.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/**
 * A list-valued property, stored as a JSON array in a text column. It is a {@link List}, so JSON writers give an
 * array, and prints as its JSON text, so whatever prints values (CSV, HTML, tiles) gives the text that imports back.
 * Items are strings or objects of strings and numbers.
 */
public final class JsonList extends AbstractList<Object> {
    private final List<Object> items;

    public JsonList(List<?> items) {
        this.items = List.copyOf(items);
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        write(b, items);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(sep);
                write(b, e.getKey().toString());
                b.append(':');
                write(b, e.getValue());
                sep = ",";
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ",");
                write(b, l.get(i));
            }
            b.append(']');
        } else {
            quote(b, v.toString());
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
