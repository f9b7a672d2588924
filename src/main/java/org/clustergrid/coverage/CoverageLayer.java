package org.clustergrid.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Layer;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.Palette;
import org.clustergrid.render.Surface;
import org.clustergrid.render.Symbol.Fill;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * "Where we have data" as a map layer: each dataset's coverage area, lightly filled, so a planner sees at a glance
 * which places the scores can speak for and which lie outside every road, power or finance dataset. Reads the
 * coverages of the current data from a supplier (dataset id → coverage), so this package needs no server.
 */
public final class CoverageLayer implements Surface {
    public static final String NAME = "coverage";
    private static final float OPACITY = 0.3f;
    private static final GeometryFactory GF = new GeometryFactory();

    private final Supplier<Map<String, Coverage>> coverages;

    public CoverageLayer(Supplier<Map<String, Coverage>> coverages) {
        this.coverages = coverages;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Where we have data";
    }

    @Override
    public String description() {
        return "The area each dataset has data for: declared at import, the bounds of an OpenStreetMap extract, or"
                + " derived from its features (" + CoverageCells.describe() + "). Outside a layer's coverage its"
                + " indicators are unknown, not 0.";
    }

    @Override
    public List<String> keywords() {
        return List.of("data coverage", "completeness", "metadata");
    }

    @Override
    public Envelope extent() {
        Envelope e = new Envelope();
        coverages.get().values().forEach(c -> e.expandToInclude(c.area().getEnvelopeInternal()));
        return e.isNull() ? null : e;
    }

    @Override
    public float opacity() {
        return OPACITY;
    }

    @Override
    public List<Cell> cells(Envelope lonLat) {
        List<Cell> out = new ArrayList<>();
        coverages.get().forEach((id, c) -> {
            if (c.area().getEnvelopeInternal().intersects(lonLat)) {
                out.add(cell(id, c));
            }
        });
        return out;
    }

    @Override
    public Optional<Cell> cellAt(double lon, double lat) {
        var p = GF.createPoint(new Coordinate(lon, lat));
        return coverages.get().entrySet().stream().filter(e -> e.getValue().area().covers(p))
                .map(e -> cell(e.getKey(), e.getValue())).reduce((a, b) -> b); // the one drawn on top
    }

    private static Cell cell(String dataset, Coverage c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dataset", dataset);
        p.put("layers", c.layers().stream().sorted().map(Layer::id).toList());
        p.put("method", c.method().id());
        p.put("description", c.description());
        boolean infrastructure = c.layers().contains(Layer.ROADS) || c.layers().contains(Layer.POWER);
        return new Cell(dataset, c.area(), infrastructure ? Palette.BLUE : Palette.SKY_BLUE, p);
    }

    @Override
    public List<String> sourceDatasets() {
        return List.copyOf(coverages.get().keySet());
    }

    @Override
    public List<LegendItem> legend() {
        int alpha = Math.round(OPACITY * 255);
        return List.of(
                new LegendItem("roads or power data", new Fill(Palette.alpha(Palette.BLUE, alpha), null, 0)),
                new LegendItem("other layers only", new Fill(Palette.alpha(Palette.SKY_BLUE, alpha), null, 0)));
    }
}
