package org.clustergrid.ogc.features;

import org.springframework.http.MediaType;

/** The media types the API serves. */
final class MediaTypes {
    static final MediaType JSON = MediaType.APPLICATION_JSON;
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    /** JSON Schema, the queryables' type (OGC API – Features Part 3). */
    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    static final MediaType OPENAPI = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private MediaTypes() {}

    /** The type as written in links: without the charset, which says nothing about the resource. */
    static String linkType(MediaType t) {
        return t.getCharset() == null ? t.toString() : t.getType() + "/" + t.getSubtype();
    }
}
