package org.clustergrid.report;

import java.util.ArrayList;
import java.util.List;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.LegendItem;
import org.locationtech.jts.geom.Envelope;

/**
 * A layer a report draws over the map's own layers (the evidence of a cluster, a region's outlines, the chosen
 * projects): items made once, named and titled, with no attribution or keywords of its own.
 */
abstract class ReportOverlay implements FeatureLayer {
    protected final List<Item> items = new ArrayList<>();
    private final String name;
    private final String title;

    protected ReportOverlay(String name, String title) {
        this.name = name;
        this.title = title;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        return title;
    }

    @Override
    public List<String> keywords() {
        return List.of();
    }

    @Override
    public Envelope extent() {
        Envelope e = new Envelope();
        items.forEach(i -> e.expandToInclude(i.geometry().getEnvelopeInternal()));
        return e;
    }

    @Override
    public String attribution() {
        return null;
    }

    @Override
    public List<Item> items(Envelope lonLat) {
        return items.stream().filter(i -> i.geometry().getEnvelopeInternal().intersects(lonLat)).toList();
    }

    @Override
    public List<LegendItem> legend() {
        return List.of();
    }
}
