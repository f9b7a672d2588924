package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class FastGzipTest {
    private static boolean accepts(String... headers) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        for (String h : headers) {
            r.addHeader("Accept-Encoding", h);
        }
        return FastGzip.acceptsGzip(r);
    }

    @Test
    void readsAcceptEncodingAsRfc9110Says() {
        assertThat(accepts("gzip")).isTrue();
        assertThat(accepts("deflate, GZIP;q=0.5")).isTrue();
        assertThat(accepts("br", "x-gzip")).isTrue();
        assertThat(accepts()).isFalse();
        assertThat(accepts("identity")).isFalse();
        assertThat(accepts("gzip;q=0")).isFalse();
        assertThat(accepts("gzip; q=0.000")).isFalse();
        assertThat(accepts("gzipped")).isFalse();
    }
}
