package org.clustergrid.layers.measure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.raster.CellCentres;
import org.clustergrid.raster.CellsWithin;
import org.clustergrid.raster.GeoTiffGrid;
import org.clustergrid.raster.RasterException;
import org.clustergrid.raster.RasterLayer;
import org.locationtech.jts.geom.Point;

/**
 * One raster layer opened once for a run: the cell holding a place, or the cells within a distance of it, read per
 * place at full resolution; or why the layer cannot answer. Windows are read anew for each place, so any number of
 * threads may measure at once.
 */
final class RasterReading {
    final RasterLayer layer;
    final Measurement.Gap failure;
    private final GeoTiffGrid grid;

    private RasterReading(RasterLayer layer, GeoTiffGrid grid, Measurement.Gap failure) {
        this.layer = layer;
        this.grid = grid;
        this.failure = failure;
    }

    private static RasterReading failed(Measurement.Kind kind, String message) {
        return new RasterReading(null, null, new Measurement.Gap(kind, message));
    }

    /** Opens the raster layer of that name, or says why it cannot be read. */
    static RasterReading open(LayerSource source, String name) {
        Optional<RasterLayer> layer = source.raster(name);
        if (layer.isEmpty()) {
            if (source.layer(name).isPresent()) {
                return failed(Measurement.Kind.UNUSABLE, "context layer '" + name + "' is a vector layer, not a"
                        + " raster: " + MeasureKind.listed(true) + " read a raster's cells ("
                        + MeasureKind.listed(false) + " read a vector layer)");
            }
            return failed(Measurement.Kind.NO_FEATURES, "no raster layer '" + name + "' in the store");
        }
        try {
            return new RasterReading(layer.get(), source.open(layer.get()), null);
        } catch (RasterException e) {
            return failed(Measurement.Kind.UNUSABLE, "raster layer '" + name + "' cannot be read: " + e.getMessage());
        }
    }

    /** The value of the cell holding the point: its column and row as the evidence. */
    Measurement value(Measure m, Point at) {
        GeoTiffGrid.Cell c;
        try {
            c = grid.cellAt(at.getX(), at.getY());
        } catch (RasterException e) {
            return Measurement.unknown(Measurement.Kind.UNUSABLE, "raster layer '" + m.layer() + "': "
                    + e.getMessage());
        }
        if (c == null) {
            return outside(m);
        }
        Measurement.FeatureRef cell = new Measurement.FeatureRef(m.layer(), c.column() + "-" + c.row(), null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("column", c.column());
        details.put("row", c.row());
        if (Double.isNaN(c.value())) {
            return new Measurement(null, cell, null, null, null, details, new Measurement.Gap(
                    Measurement.Kind.NOT_REPORTED, "cell " + c.column() + "-" + c.row() + " (column-row) of raster"
                    + " layer '" + m.layer() + "' has no data"));
        }
        return new Measurement(c.value(), cell, null, null, null, details, null);
    }

    /**
     * The sum or mean of the cells whose centres lie within the radius. The part of the circle beyond the grid's
     * edge is left out as cells without data are, both counted in the details.
     */
    Measurement within(Measure m, Point at, long maxCells) {
        if (!grid.covers(at.getX(), at.getY())) {
            return outside(m);
        }
        CellsWithin.Sum s;
        try {
            s = CellsWithin.sum(grid, at.getX(), at.getY(), m.radiusM(), maxCells);
        } catch (RasterException e) {
            return Measurement.unknown(Measurement.Kind.UNUSABLE, "raster layer '" + m.layer() + "': "
                    + e.getMessage());
        }
        if (s.cells() + s.noData() + s.beyondEdge() == 0) {
            return Measurement.unknown(Measurement.Kind.UNUSABLE, "no cell centre of raster layer '" + m.layer()
                    + "' lies within " + metres(m.radiusM()) + " of the place: the radius is short of the raster's"
                    + " cells; use raster_value, or a longer radius");
        }
        if (s.cells() == 0) {
            return Measurement.unknown(Measurement.Kind.NOT_REPORTED, "none of the " + s.noData() + " cells of"
                    + " raster layer '" + m.layer() + "' within " + metres(m.radiusM()) + " has data"
                    + (s.beyondEdge() > 0 ? " (and " + s.beyondEdge() + " lie beyond its edge)" : ""));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("radius_m", m.radiusM());
        details.put("cells", s.cells());
        details.put("no_data", s.noData());
        details.put("beyond_edge", s.beyondEdge());
        if (m.kind() == MeasureKind.RASTER_MEAN_WITHIN) {
            details.put("sum", s.sum());
            return new Measurement(s.mean(), null, null, null, null, details, null);
        }
        return new Measurement(s.sum(), null, null, null, null, details, null);
    }

    /** Why a measure is unknown at the point whatever its cells hold (the layer unreadable, the point beyond it), or null. */
    Measurement unknownAt(Measure m, Point at) {
        if (failure != null) {
            return Measurement.unknown(failure.kind(), failure.message());
        }
        return grid.covers(at.getX(), at.getY()) ? null : outside(m);
    }

    /** The cells (but those of value 0) whose centres lie within a longitude/latitude box. */
    CellCentres.Cells cells(org.locationtech.jts.geom.Envelope box, int maxCells) {
        return CellCentres.within(grid, box, maxCells);
    }

    private static Measurement outside(Measure m) {
        return Measurement.unknown(Measurement.Kind.OUTSIDE_EXTENT, "outside raster layer '" + m.layer() + "': its"
                + " grid does not reach the place");
    }

    private static String metres(double m) {
        return m >= 1000 && m % 100 == 0 ? String.format(Locale.ROOT, "%.1f km", m / 1000)
                : String.format(Locale.ROOT, "%.0f m", m);
    }
}
