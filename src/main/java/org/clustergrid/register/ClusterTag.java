package org.clustergrid.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.io.WKBWriter;

/**
 * The strong entity tag of a cluster's state: a hash of its dataset, properties, attributes and geometry. Taken from
 * the content rather than a counter, so any change of the row — an edit, a restore, a re-import — changes it, and an
 * editor holding an older tag is refused whoever made the change.
 */
public final class ClusterTag {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ClusterTag() {}

    /** The tag as an ETag header value, quoted. */
    public static String of(StoredFeature f) {
        try {
            byte[] content = JSON.writeValueAsBytes(List.of(f.datasetId(), LayerProperties.of(f.feature()),
                    new TreeMap<>(f.feature().attributes()),
                    HexFormat.of().formatHex(new WKBWriter(2).write(f.feature().geometry()))));
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot tag cluster " + f.layerId(), e);
        }
    }

    /**
     * Whether an If-Match header value (one or more tags, or {@code *}) names this state. Strong comparison, as
     * RFC 9110 asks of If-Match: a weak tag never matches.
     */
    public static boolean matches(String ifMatch, StoredFeature f) {
        return matches(ifMatch, of(f));
    }

    /** Whether an If-Match header value names the {@code current} tag (quoted), strongly. */
    public static boolean matches(String ifMatch, String current) {
        for (String part : ifMatch.split(",")) {
            String t = part.strip();
            if (t.equals("*") || t.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
