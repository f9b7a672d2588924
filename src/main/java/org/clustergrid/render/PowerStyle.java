package org.clustergrid.render;

import java.awt.Color;
import java.util.List;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.render.Symbol.Line;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.render.Symbol.MarkerShape;

/** Power lines by voltage class; substations, transformers and plants as symbols. */
public final class PowerStyle implements Style {
    static final Line HIGH = Line.solid(new Color(0xB2182B), 3f);
    static final Line MEDIUM = Line.solid(new Color(0xE66101), 2.2f);
    static final Line LOW = Line.solid(new Color(0x5E3C99), 1.4f);
    static final Line UNKNOWN = new Line(new Color(0x707070), 1.2f, new float[] {6f, 3f}, null, 0);
    static final Marker SUBSTATION = new Marker(MarkerShape.SQUARE, 9, new Color(0xF7F7F7), new Color(0x5E3C99), 1.8f);
    static final Marker TRANSFORMER = new Marker(MarkerShape.TRIANGLE, 8, new Color(0x5E3C99), Palette.WHITE, 1f);
    static final Marker PLANT = new Marker(MarkerShape.STAR, 16, Palette.YELLOW, Palette.BLACK, 1.2f);

    @Override
    public Layer layer() {
        return Layer.POWER;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String title() {
        return "Electricity network by voltage";
    }

    static Line lineFor(Integer volts) {
        if (volts == null) {
            return UNKNOWN;
        }
        if (volts >= 100_000) {
            return HIGH;
        }
        return volts >= 30_000 ? MEDIUM : LOW;
    }

    @Override
    public Symbol symbol(LayerFeature feature) {
        PowerFeature p = (PowerFeature) feature;
        return switch (p.kind()) {
            case LINE, MINOR_LINE, CABLE -> lineFor(p.maxVoltage());
            case SUBSTATION -> SUBSTATION;
            case TRANSFORMER -> TRANSFORMER;
            case PLANT, GENERATOR -> PLANT;
        };
    }

    @Override
    public int order(LayerFeature feature) {
        PowerFeature p = (PowerFeature) feature;
        if (!p.kind().isLinear()) {
            return 1_000_000; // symbols above the lines
        }
        Integer v = p.maxVoltage();
        return v == null ? 0 : v / 1000;
    }

    @Override
    public List<LegendItem> legend() {
        return List.of(
                new LegendItem("line ≥ 100 kV", HIGH),
                new LegendItem("line 30 – 100 kV", MEDIUM),
                new LegendItem("line < 30 kV", LOW),
                new LegendItem("line, voltage unknown", UNKNOWN),
                new LegendItem("substation", SUBSTATION),
                new LegendItem("transformer", TRANSFORMER),
                new LegendItem("power plant / generator", PLANT));
    }
}
