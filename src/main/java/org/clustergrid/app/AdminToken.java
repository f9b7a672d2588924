package org.clustergrid.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The shared secret admin requests carry ({@code X-Admin-Token} header or {@code Authorization: Bearer}). Set it with
 * {@code clustergrid.admin.token}; without one a random token is made at start and logged once.
 */
@Component
public class AdminToken {
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    private final byte[] token;

    public AdminToken(ClusterGridProperties properties, ApplicationContext context) {
        String configured = properties.admin().token();
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            configured = HexFormat.of().formatHex(random);
            if (context instanceof WebServerApplicationContext) { // the import command has no use for it
                LOG.warn("No clustergrid.admin.token set; admin imports for this run need the token {}",
                        configured);
            }
        }
        this.token = configured.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
