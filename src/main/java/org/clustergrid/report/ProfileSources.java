package org.clustergrid.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.scoring.ScoringProfile;

/**
 * The {@code source:} of every entry of a scoring profile file, by its path ({@code indicators.bank_distance},
 * {@code targets.typology.artisanal_craft}, {@code parameters.finance_radius_m}, …). The scoring keeps the numbers
 * only; a report shows where each comes from, read from the very file whose digest the run carries.
 */
public final class ProfileSources {
    private final Map<String, String> sources;
    private final Map<String, String> values;
    private final String problem;

    private ProfileSources(Map<String, String> sources, Map<String, String> values, String problem) {
        this.sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.problem = problem;
    }

    /** No sources, with the reason a report states instead. */
    public static ProfileSources none(String reason) {
        return new ProfileSources(Map.of(), Map.of(), reason);
    }

    /**
     * The sources in {@code file}, when it is the file {@code profile} was read from (same digest); otherwise none,
     * saying why.
     */
    public static ProfileSources of(ScoringProfile profile, byte[] file) {
        if (file == null) {
            return none("the profile file is not at hand");
        }
        String digest = sha256(file);
        if (!profile.hash().equals(digest) && !profile.hash().startsWith(digest + "+")) {
            return none("the profile file at hand (" + digest + ") is not the run's (" + profile.hash() + ")");
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file);
            Map<String, String> out = new LinkedHashMap<>();
            Map<String, String> values = new LinkedHashMap<>();
            collect(root, "", out, values);
            return new ProfileSources(out, values, null);
        } catch (IOException e) {
            return none("the profile file cannot be read: " + e.getMessage());
        }
    }

    private static void collect(JsonNode node, String path, Map<String, String> out, Map<String, String> values) {
        if (!node.isObject()) {
            return;
        }
        JsonNode source = node.get("source");
        if (source != null && source.isTextual()) {
            out.put(path, source.asText());
        }
        JsonNode value = node.get("value");
        if (value != null && value.isNumber()) {
            values.put(path, value.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out, values);
        }
    }

    /** The entries under {@code prefix} (e.g. {@code parameters}) that give a {@code value}, by key, in file order. */
    public Map<String, String> values(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((path, v) -> {
            if (path.startsWith(prefix + ".")) {
                out.put(path.substring(prefix.length() + 1), v);
            }
        });
        return out;
    }

    /** The source of the entry at {@code path}, when the file gives one. */
    public Optional<String> of(String path) {
        return Optional.ofNullable(sources.get(path));
    }

    /** Why there are no sources; null when they were read. */
    public String problem() {
        return problem;
    }

    /** The digest {@link org.clustergrid.scoring.ProfileReader} stores as the profile's hash. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
