package org.clustergrid.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VersionedCacheTest {
    private final AtomicInteger made = new AtomicInteger();

    private String make(String value) {
        made.incrementAndGet();
        return value;
    }

    @Test
    void keepsValuesOfOneVersionWithinTheBudget() {
        VersionedCache<String, String> cache = new VersionedCache<>(10, String::length);
        assertThat(cache.get("a", 1, () -> make("aaaa"))).isEqualTo("aaaa");
        assertThat(cache.get("a", 1, () -> make("other"))).isEqualTo("aaaa");
        assertThat(made.get()).isEqualTo(1);
        cache.get("b", 1, () -> make("bbbb"));
        cache.get("a", 1, () -> make("aaaa")); // a used last: b is the eldest
        cache.get("c", 1, () -> make("cccc")); // 12 > 10: b goes
        assertThat(cache.size()).isEqualTo(2);
        cache.get("b", 1, () -> make("bbbb"));
        assertThat(made.get()).isEqualTo(4);
        assertThat(cache.get("a", 2, () -> make("new"))).as("a new data version").isEqualTo("new");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("x", 2, () -> make("too long for the budget"))).hasSize(23);
        assertThat(cache.size()).as("heavier than the whole budget: not kept").isEqualTo(1);
    }

    @Test
    void aValueThatFailsToBeMadeIsNotKept() {
        VersionedCache<String, String> cache = new VersionedCache<>(100, String::length);
        assertThatThrownBy(() -> cache.get("a", 1, () -> {
            throw new IllegalStateException("bad request");
        })).hasMessage("bad request");
        assertThat(cache.get("a", 1, () -> make("ok"))).isEqualTo("ok");
        assertThat(cache.size()).isEqualTo(1);
    }
}
