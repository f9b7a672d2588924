package org.clustergrid.ogc.wms;

import java.util.Map;
import java.util.TreeMap;

/** Request parameters by name, ignoring the case of names (WMS 1.3.0, 6.8.1); values keep their case. */
final class WmsParams {
    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    WmsParams(Map<String, String[]> parameters) {
        parameters.forEach((k, v) -> {
            if (v != null && v.length > 0) {
                values.putIfAbsent(k, v[0]);
            }
        });
    }

    static WmsParams of(Map<String, String> single) {
        Map<String, String[]> m = new TreeMap<>();
        single.forEach((k, v) -> m.put(k, new String[] {v}));
        return new WmsParams(m);
    }

    /** The value, or null when absent. */
    String get(String name) {
        return values.get(name);
    }

    /** The value, or null when absent or empty. */
    String nonEmpty(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    String required(String name, WmsVersion version) {
        String v = nonEmpty(name);
        if (v == null) {
            throw WmsException.missing(name, version);
        }
        return v;
    }

    /** Values longer than this are keyed by their digest: an SLD_BODY of 256 KB would otherwise be a cache key. */
    static final int LONGEST_KEYED = 512;

    /** Every parameter as NAME=value lines, names upper-cased and sorted: equal for requests that mean the same. */
    String canonical() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k.toUpperCase(java.util.Locale.ROOT)).append('=')
                .append(v.length() > LONGEST_KEYED ? digest(v) : v).append('\n'));
        return b.toString();
    }

    private static String digest(String v) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(
                    v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
