package org.clustergrid.register.roundtrip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** How a value of a column is written where a cell holds text: lists and objects as their JSON text. */
final class TableFile {
    static final ObjectMapper JSON = new ObjectMapper();

    private TableFile() {}

    /** The value as text, null when not known. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            try {
                return JSON.writeValueAsString(v);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + v.getClass().getSimpleName() + " as JSON", e);
            }
        }
        return v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
    }
}
