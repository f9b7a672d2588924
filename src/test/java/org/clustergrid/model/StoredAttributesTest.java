package org.clustergrid.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoredAttributesTest {
    @Test
    void parsesOnlyWhenAnEntryIsAskedForAndThenOnce() {
        AtomicInteger parses = new AtomicInteger();
        StoredAttributes a = new StoredAttributes("{\"highway\":\"track\",\"lanes\":2}", json -> {
            parses.incrementAndGet();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("highway", "track");
            m.put("lanes", 2);
            return m;
        });
        assertThat(a.json()).isEqualTo("{\"highway\":\"track\",\"lanes\":2}");
        assertThat(a.isEmpty()).isFalse();
        // a feature record keeps the stored map as it is, unparsed
        assertThat(Attributes.copy(a)).isSameAs(a);
        assertThat(parses.get()).isZero();

        assertThat(a.get("lanes")).isEqualTo(2);
        assertThat(a).isEqualTo(Map.of("highway", "track", "lanes", 2));
        assertThat(a.keySet()).containsExactly("highway", "lanes");
        assertThat(parses.get()).isEqualTo(1);
    }

    @Test
    void anEmptyObjectIsEmpty() {
        assertThat(new StoredAttributes(" {} ", json -> Map.of()).isEmpty()).isTrue();
    }
}
