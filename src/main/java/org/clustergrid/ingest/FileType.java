package org.clustergrid.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** File types told apart by their first bytes, so that a wrong file gets a clear error instead of a parse failure. */
public enum FileType {
    ZIP("a ZIP archive"),
    GZIP("a gzip file"),
    OSM_PBF("an OpenStreetMap PBF file"),
    JSON("a JSON document"),
    SHAPEFILE("an ESRI Shapefile (.shp)"),
    GEOPACKAGE("a GeoPackage"),
    SQLITE("an SQLite database"),
    FLATGEOBUF("a FlatGeobuf file"),
    TEXT("a text file"),
    EMPTY("an empty file"),
    BINARY("a binary file of unknown type");

    private final String description;

    FileType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static FileType detect(Path file) throws IOException {
        byte[] head = new byte[100]; // an SQLite header: the GeoPackage application id is at offset 68
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return detect(head, n);
    }

    static FileType detect(byte[] head, int n) {
        if (n == 0) {
            return EMPTY;
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
            return ZIP;
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (n >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0x27 && head[3] == 0x0a) {
            return SHAPEFILE;
        }
        if (n >= 16 && new String(head, 0, 16, StandardCharsets.ISO_8859_1).equals("SQLite format 3\0")) {
            String applicationId = n >= 72 ? new String(head, 68, 4, StandardCharsets.ISO_8859_1) : "";
            // GeoPackage 1.2+ says GPKG; 1.0 and 1.1 files say GP10 and GP11
            return applicationId.equals("GPKG") || applicationId.startsWith("GP1") ? GEOPACKAGE : SQLITE;
        }
        if (n >= 8 && head[0] == 'f' && head[1] == 'g' && head[2] == 'b' && head[3] == 3 && head[4] == 'f'
                && head[5] == 'g' && head[6] == 'b') {
            return FLATGEOBUF;
        }
        if (n >= 14 && new String(head, 0, n, StandardCharsets.ISO_8859_1).contains("OSMHeader")) {
            return OSM_PBF;
        }
        int i = 0;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < n && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < n && (head[i] == '{' || head[i] == '[')) {
            return JSON;
        }
        for (int k = 0; k < n; k++) {
            int b = head[k] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
                return BINARY;
            }
        }
        return TEXT;
    }
}
