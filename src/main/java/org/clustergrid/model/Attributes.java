package org.clustergrid.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of free attribute maps: unmodifiable, in source order, null values allowed (an empty source cell). */
final class Attributes {
    private Attributes() {}

    static Map<String, Object> copy(Map<String, Object> attributes) {
        if (attributes instanceof StoredAttributes stored) {
            return stored; // unmodifiable already, and left unparsed
        }
        return attributes == null || attributes.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
