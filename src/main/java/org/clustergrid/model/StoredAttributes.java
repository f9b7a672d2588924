package org.clustergrid.model;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Free attributes as stored: JSON text, read into a map only when something asks for an entry. Pages of features
 * are mostly written straight back out as JSON, so their attributes need never be parsed and printed again.
 */
public final class StoredAttributes extends AbstractMap<String, Object> {
    private final String json;
    private final Function<String, Map<String, Object>> parser;
    private volatile Map<String, Object> parsed;

    /** @param json a non-empty JSON object, as the store wrote it; {@code parser} reads it into an unmodifiable map */
    public StoredAttributes(String json, Function<String, Map<String, Object>> parser) {
        this.json = json;
        this.parser = parser;
    }

    /** The JSON object text. */
    public String json() {
        return json;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> m = parsed;
        if (m == null) {
            m = parser.apply(json);
            parsed = m;
        }
        return m.entrySet();
    }

    @Override
    public boolean isEmpty() {
        return parsed == null ? json.isBlank() || json.strip().equals("{}") : parsed.isEmpty();
    }
}
