package org.clustergrid.raster;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.clustergrid.dimension.Axis;
import org.clustergrid.dimension.Dimension;
import org.clustergrid.dimension.Selection;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.Projection;
import org.clustergrid.render.Surface;
import org.clustergrid.render.Symbol.Fill;
import org.clustergrid.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A raster layer as a map layer: each pixel of a view takes the value of the grid cell under its centre
 * (nearest neighbour, reprojected from the grid's CRS on the fly), coloured by the layer's ramp; no data is left
 * transparent. GetFeatureInfo reports the cell's value, column and row. A layer of elevations declares the elevation
 * dimension over its values; a map asking for elevations shows only the cells whose value is among them.
 */
public final class RasterSurface implements Surface {
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final RasterLayer layer;
    private final ColourRamp ramp;
    private final Function<RasterLayer, Path> files;
    /** The elevation dimension, or null. */
    private final Dimension elevation;
    /** The cells a request picked by elevation; null: all. */
    private final Selection picked;
    /** Shared by the layer and its selections, so a grid is opened once. */
    private final GeoTiffGrid[] grid;

    /** @param files where the layer's GeoTIFF can be read (the store's copy brought to disk, or the referenced file) */
    public RasterSurface(RasterLayer layer, Function<RasterLayer, Path> files) {
        this(layer, files, elevationOf(layer), null, new GeoTiffGrid[1]);
    }

    private RasterSurface(RasterLayer layer, Function<RasterLayer, Path> files, Dimension elevation, Selection picked,
            GeoTiffGrid[] grid) {
        this.layer = layer;
        this.ramp = layer.colourRamp();
        this.files = files;
        this.elevation = elevation;
        this.picked = picked;
        this.grid = grid;
    }

    /**
     * Its elevation dimension: any value or range of the declaration may be asked for (several at once), exact
     * values only (a cell's value is what it is), and without ELEVATION the whole declared range is shown.
     */
    static Dimension elevationOf(RasterLayer layer) {
        if (layer.elevation() == null) {
            return null;
        }
        ElevationRange r = ElevationRange.parse(layer.elevation());
        Axis a = Axis.ELEVATION;
        return Dimension.of(a, null, layer.elevation(), a.format(r.min()) + "/" + a.format(r.max()), true, false);
    }

    @Override
    public List<Dimension> dimensions() {
        return elevation == null ? List.of() : List.of(elevation);
    }

    @Override
    public RasterSurface selecting(Map<Axis, Selection> s) {
        Selection e = s.get(Axis.ELEVATION);
        return elevation == null || e == null ? this : new RasterSurface(layer, files, elevation, e, grid);
    }

    private boolean shown(double value) {
        return !Double.isNaN(value) && (picked == null || picked.matches(value));
    }

    public RasterLayer layer() {
        return layer;
    }

    private GeoTiffGrid grid() {
        synchronized (grid) {
            if (grid[0] == null) {
                grid[0] = GeoTiffGrid.open(files.apply(layer), layer.crs());
            }
            return grid[0];
        }
    }

    /** Lets go of the grid's decoded cells (the layer was replaced or deleted). */
    public void close() {
        synchronized (grid) {
            if (grid[0] != null) {
                grid[0].close();
            }
        }
    }

    @Override
    public String name() {
        return layer.name();
    }

    @Override
    public String title() {
        return layer.title();
    }

    @Override
    public String description() {
        return "Raster of " + layer.width() + " × " + layer.height() + " cells, values "
                + ColourRamp.number(layer.minValue()) + " to " + ColourRamp.number(layer.maxValue())
                + (layer.noData() == null ? "" : " (no data: " + ColourRamp.number(layer.noData()) + ")")
                + ", coloured " + ramp.text() + "." + (layer.file() == null ? "" : " From " + layer.file() + ".");
    }

    @Override
    public Envelope extent() {
        return layer.bbox();
    }

    @Override
    public float opacity() {
        return 1f;
    }

    @Override
    public List<Cell> cells(Envelope lonLat) {
        return List.of(); // painted whole (paint), not cell by cell
    }

    @Override
    public BufferedImage paint(Viewport v) {
        BufferedImage image = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_ARGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Projection p = v.projection();
        for (Viewport.WorldCopy copy : v.worldCopies(0)) {
            Envelope q = copy.query();
            int c0 = Math.max(0, (int) Math.floor(v.px(q.getMinX(), copy.offsetX())));
            int c1 = Math.min(v.width(), (int) Math.ceil(v.px(q.getMaxX(), copy.offsetX())));
            int r0 = Math.max(0, (int) Math.floor(v.py(q.getMaxY())));
            int r1 = Math.min(v.height(), (int) Math.ceil(v.py(q.getMinY())));
            if (c1 <= c0 || r1 <= r0) {
                continue;
            }
            Window w = grid().read(q, c1 - c0, r1 - r0);
            if (w == null) {
                continue;
            }
            int n = c1 - c0;
            double[] points = new double[2 * n];
            for (int row = r0; row < r1; row++) {
                double lat = p.lat(v.yAt(row + 0.5));
                for (int c = c0; c < c1; c++) {
                    points[2 * (c - c0)] = p.lon(v.xAt(c + 0.5) - copy.offsetX());
                    points[2 * (c - c0) + 1] = lat;
                }
                double[] values = w.values(points, n);
                for (int c = c0; c < c1; c++) {
                    double value = values[c - c0];
                    if (shown(value)) {
                        pixels[row * v.width() + c] = ramp.argb(value);
                    }
                }
            }
        }
        return image;
    }

    @Override
    public Optional<Cell> cellAt(double lon, double lat) {
        GeoTiffGrid.Cell c = grid().cellAt(lon, lat);
        // a cell a request's elevations leave out is not on the map, so not found there
        if (c == null || (picked != null && !shown(c.value()))) {
            return Optional.empty();
        }
        double[] k = c.lonLatCorners();
        Coordinate[] ring = new Coordinate[5];
        for (int i = 0; i < 4; i++) {
            ring[i] = new Coordinate(k[2 * i], k[2 * i + 1]);
        }
        ring[4] = ring[0];
        Map<String, Object> properties = new LinkedHashMap<>();
        boolean known = !Double.isNaN(c.value());
        properties.put("value", known ? c.value() : null);
        if (!known) {
            properties.put("value_missing", "no data in this cell");
        }
        properties.put("column", c.column());
        properties.put("row", c.row());
        String id = layer.name() + "." + c.column() + "-" + c.row();
        return Optional.of(new Cell(id, GEOMETRIES.createPolygon(ring),
                known ? new java.awt.Color(ramp.argb(c.value()), true) : new java.awt.Color(0, true), properties));
    }

    @Override
    public List<String> keywords() {
        return List.of("raster", "grid");
    }

    @Override
    public List<String> sourceDatasets() {
        return List.of();
    }

    @Override
    public String attribution() {
        return layer.attribution() == null || layer.attribution().isBlank() ? null : layer.attribution();
    }

    /** The ramp's stops, top value first, as a legend of colour steps. */
    @Override
    public List<LegendItem> legend() {
        List<LegendItem> items = new ArrayList<>();
        List<ColourRamp.Stop> stops = ramp.stops();
        for (int i = stops.size() - 1; i >= 0; i--) {
            ColourRamp.Stop s = stops.get(i);
            items.add(new LegendItem(ColourRamp.number(s.value()), new Fill(s.colour(), null, 0)));
        }
        return items;
    }
}
