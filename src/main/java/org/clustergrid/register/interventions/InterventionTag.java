package org.clustergrid.register.interventions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The strong entity tag of a row: a hash of its id, cluster, origin and fields, so any change moves it, whoever made
 * it, and a computed row has a tag before anyone stores it. The version number is left out so that the same state
 * has the same tag on either store.
 */
public final class InterventionTag {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InterventionTag() {}

    /** The tag as an ETag header value, quoted. */
    public static String of(Intervention i) {
        try {
            byte[] content = JSON.writeValueAsBytes(List.of(i.id(), i.clusterGridId(), i.origin().id(),
                    InterventionHistory.state(i)));
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot tag intervention " + i.id(), e);
        }
    }
}
