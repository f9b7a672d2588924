package org.clustergrid.store;

import java.util.ArrayList;
import java.util.List;

/** A piece of SQL with the parameters its {@code ?}s take, in order, so pieces compose without losing track. */
record Sql(String text, List<Object> params) {
    Sql {
        params = List.copyOf(params);
    }

    static Sql of(String text, Object... params) {
        return new Sql(text, List.of(params));
    }

    /** The pieces joined by {@code separator}, their parameters in the same order. */
    static Sql join(String separator, List<Sql> parts) {
        List<String> texts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Sql p : parts) {
            texts.add(p.text);
            params.addAll(p.params);
        }
        return new Sql(String.join(separator, texts), params);
    }

    Sql wrap(String before, String after) {
        return new Sql(before + text + after, params);
    }
}
