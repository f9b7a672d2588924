package org.clustergrid.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotWritableException;

/** What Tomcat and Spring throw when a client hangs up mid-answer is told apart from failures of the server. */
class ClientDisconnectTest {
    @Test
    void aClientHangingUpIsNoServerError() {
        assertThat(ClientDisconnect.is(new ClientAbortException(new IOException("Broken pipe")))).isTrue();
        assertThat(ClientDisconnect.is(new HttpMessageNotWritableException("could not write",
                new IOException("Connection reset by peer")))).isTrue();
        assertThat(ClientDisconnect.is(new IllegalStateException("no such layer"))).isFalse();
        assertThat(ClientDisconnect.is(new IOException("No space left on device"))).isFalse();
    }

    @Test
    void aHangUpIsHandledWithNothingWrittenAndEverythingElseLeftToTheServices() {
        ClientDisconnect resolver = new ClientDisconnect();
        assertThat(resolver.resolveException(null, null, null, new ClientAbortException("Broken pipe"))).isNotNull();
        assertThat(resolver.resolveException(null, null, null, new IllegalStateException("no such layer"))).isNull();
    }
}
