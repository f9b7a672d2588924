package org.clustergrid.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clustergrid.ingest.geojson.GeoJsonFeatureReader;
import org.clustergrid.model.Coverage;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The area a user declares a dataset covers ({@code --coverage}): a box {@code minLon,minLat,maxLon,maxLat}, a
 * file of polygons — GeoJSON (a geometry, a Feature or a FeatureCollection, whose polygons are merged) or WKT — in
 * longitude/latitude, or {@code countries:NP,IN} taken from a boundary file ({@link CountryCoverage}).
 */
public final class CoverageSpec {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private CoverageSpec() {}

    /** A box or a polygon file. */
    public static Coverage parse(String spec) throws IOException {
        return parse(spec, null, null);
    }

    /**
     * @param boundaries the country boundaries for {@code countries:} codes; null when none were given
     * @param boundariesField their code field; null to try the usual ones
     */
    public static Coverage parse(String spec, Path boundaries, String boundariesField) throws IOException {
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("countries:") || lower.startsWith("country:")) {
            return CountryCoverage.resolve(s.substring(s.indexOf(':') + 1), boundaries, boundariesField);
        }
        String[] parts = s.split("\\s*,\\s*");
        if (parts.length == 4 && s.matches("[-+0-9.,\\s]+")) {
            return declared(box(parts, spec), "box " + String.join(",", parts));
        }
        Path file = Path.of(s);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--coverage '" + spec + "' is neither minLon,minLat,maxLon,maxLat,"
                    + " a polygon file (GeoJSON or WKT) that exists, nor countries:CODE,CODE");
        }
        String text = Files.readString(file);
        Geometry g = s.toLowerCase(Locale.ROOT).endsWith(".wkt") ? wkt(text, file) : geoJson(text, file);
        if (!(g instanceof Polygonal) || g.isEmpty()) {
            throw new IllegalArgumentException("--coverage " + file + ": expected polygons, found "
                    + (g.isEmpty() ? "nothing" : g.getGeometryType()));
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
            throw new IllegalArgumentException("--coverage " + file + ": coordinates outside longitude/latitude range "
                    + e + " (the coverage must be in EPSG:4326, longitude first)");
        }
        g.setSRID(4326);
        return declared(g, "polygons of " + file.getFileName());
    }

    private static Coverage declared(Geometry area, String what) {
        return new Coverage(area, Set.of(), Coverage.Method.DECLARED, "declared at import: " + what);
    }

    private static Geometry box(String[] parts, String spec) {
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] >= v[2] || v[1] >= v[3]) {
            throw new IllegalArgumentException("--coverage box '" + spec
                    + "' must be minLon,minLat,maxLon,maxLat with min < max, longitudes in -180..180, latitudes in -90..90");
        }
        return GF.toGeometry(new Envelope(v[0], v[2], v[1], v[3]));
    }

    private static Geometry wkt(String text, Path file) {
        try {
            return new WKTReader(GF).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("--coverage " + file + ": not valid WKT: " + e.getMessage());
        }
    }

    private static Geometry geoJson(String text, Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("--coverage " + file + ": not valid JSON: " + e.getMessage());
        }
        if (!"FeatureCollection".equals(root.path("type").asText())) {
            return GeoJsonFeatureReader.parseGeometry(text);
        }
        List<Geometry> parts = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            parts.add(GeoJsonFeatureReader.parseGeometry(f.toString()));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--coverage " + file + ": the FeatureCollection has no feature");
        }
        return UnaryUnionOp.union(parts);
    }
}
