package org.clustergrid.store;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Builds a vector tile in Java the way PostGIS's {@code ST_AsMVTGeom(geom, ST_TileEnvelope(z, x, y), 4096, 64, true)}
 * does in PostGIS 3.3, so both stores serve the same tiles: lines and polygons smaller than half a tile unit are
 * dropped, the rest moved to tile units (y down) and snapped to whole units, which is the simplification for the zoom;
 * points left exactly in line with their neighbours are removed ({@link TileSimplifier}), then the geometry is
 * clipped to the tile plus its buffer and snapped again; polygons are made valid.
 */
final class JavaTileEncoder {
    private static final MvtLayerParams PARAMS = new MvtLayerParams(VectorTiles.EXTENT);
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final PrecisionModel WHOLE_UNITS = new PrecisionModel(1.0);
    /** The tile and its buffer in tile units; clipping happens after snapping, as in PostGIS. */
    private static final Envelope CLIP = new Envelope(-VectorTiles.BUFFER, VectorTiles.EXTENT + VectorTiles.BUFFER,
            -VectorTiles.BUFFER, VectorTiles.EXTENT + VectorTiles.BUFFER);
    private static final Geometry CLIP_BOX = FACTORY.toGeometry(CLIP);

    private JavaTileEncoder() {}

    /** The longitude/latitude box whose features may show in a tile. */
    static Envelope queryBox(TileKey key) {
        return WebMercator.lonLat(key.mercator(VectorTiles.BUFFER + 1, VectorTiles.EXTENT));
    }

    /** The encoded tile; empty (no bytes) when no feature reaches it. */
    static byte[] encode(Layer layer, TileKey key, List<StoredFeature> features) {
        return encode(layer.id(), key, features.stream().map(f -> f.feature().geometry()).toList(),
                features.stream().map(VectorTiles::attributes).toList());
    }

    /** A tile of one layer named {@code name}: each geometry (lon/lat) with its attributes (strings, numbers, booleans). */
    static byte[] encode(String name, TileKey key, List<Geometry> geometries, List<Map<String, Object>> attributes) {
        Envelope tile = key.mercator();
        double halfUnit = tile.getWidth() / VectorTiles.EXTENT / 2;
        AffineTransformation toTile = toTileUnits(tile);
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < geometries.size(); i++) {
            Geometry g = tileGeometry(WebMercator.project(geometries.get(i)), halfUnit, toTile);
            if (g != null) {
                g.setUserData(attributes.get(i));
                out.add(g);
            }
        }
        if (out.isEmpty()) {
            return new byte[0];
        }
        JtsMvt mvt = new JtsMvt(new JtsLayer(name, out, VectorTiles.EXTENT));
        return MvtEncoder.encode(mvt, PARAMS, new UserDataKeyValueMapConverter());
    }

    /** One feature's geometry in tile units, or null when nothing of it shows; the steps of PostGIS 3.3's mvt_geom. */
    private static Geometry tileGeometry(Geometry g, double halfUnit, AffineTransformation toTile) {
        int dimension = g instanceof Puntal ? 0 : g instanceof Lineal ? 1 : g.getDimension();
        Envelope e = g.getEnvelopeInternal();
        if (dimension > 0 && e.getWidth() < halfUnit && e.getHeight() < halfUnit) {
            return null;
        }
        g = snap(toTile.transform(g), dimension);
        if (g != null && dimension > 0) {
            // on whole units, only points exactly in line with their neighbours go
            g = TileSimplifier.simplify(g, 0);
        }
        if (g == null) {
            return null;
        }
        if (!CLIP.contains(g.getEnvelopeInternal())) {
            g = ofDimension(withoutEdgeLines(g.intersection(CLIP_BOX)), dimension);
            g = g == null ? null : snap(g, dimension);
        }
        return g;
    }

    /** Rounds to whole tile units; polygons are made valid again, lines that collapse to a point are dropped. */
    private static Geometry snap(Geometry g, int dimension) {
        Geometry s = dimension == 2 ? GeometryFixer.fix(GeometryPrecisionReducer.reduce(g, WHOLE_UNITS))
                : GeometryPrecisionReducer.reducePointwise(g, WHOLE_UNITS);
        s = ofDimension(s, dimension);
        return s == null || s.isEmpty() || (dimension == 1 && s.getLength() == 0) ? null : s;
    }

    /** Drops lines running along the clip box's edge, which GEOS's rectangle clipping (used by PostGIS) leaves out. */
    private static Geometry withoutEdgeLines(Geometry g) {
        if (g.getDimension() != 1) {
            return g;
        }
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Envelope e = g.getGeometryN(i).getEnvelopeInternal();
            boolean onEdge = (e.getWidth() == 0 && (e.getMinX() == CLIP.getMinX() || e.getMinX() == CLIP.getMaxX()))
                    || (e.getHeight() == 0 && (e.getMinY() == CLIP.getMinY() || e.getMinY() == CLIP.getMaxY()));
            if (!onEdge) {
                parts.add(g.getGeometryN(i));
            }
        }
        return g.getFactory().buildGeometry(parts);
    }

    /** Keeps the parts of a clipped geometry that have the original's dimension (PostGIS keeps its basic type). */
    private static Geometry ofDimension(Geometry g, int dimension) {
        if (g.getDimension() == dimension && !g.getGeometryType().equals(Geometry.TYPENAME_GEOMETRYCOLLECTION)) {
            return g;
        }
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p.getDimension() == dimension && !p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts.isEmpty() ? null : g.getFactory().buildGeometry(parts);
    }

    /** EPSG:3857 metres to tile units: origin at the tile's top-left corner, y growing downwards. */
    private static AffineTransformation toTileUnits(Envelope tile) {
        double scale = VectorTiles.EXTENT / tile.getWidth();
        return new AffineTransformation()
                .translate(-tile.getMinX(), -tile.getMaxY())
                .scale(scale, -scale);
    }
}
