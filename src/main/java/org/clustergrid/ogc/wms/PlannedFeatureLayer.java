package org.clustergrid.ogc.wms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.clustergrid.app.ScenarioMaps;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.PlannedSymbols;
import org.clustergrid.render.Symbol;
import org.clustergrid.scenario.PlannedFeature;
import org.clustergrid.store.StoredScenario;
import org.locationtech.jts.geom.Envelope;

/**
 * A stored scenario's planned features as a WMS layer ({@code scenario-<id>}): each drawn as what it would become, in
 * its layer's colours but dashed ({@link PlannedSymbols}); GetFeatureInfo reports the intervention.
 */
final class PlannedFeatureLayer implements FeatureLayer {
    static final String PREFIX = "scenario-";

    private final StoredScenario scenario;
    private final String staleness;
    /** Read when first drawn, listed or queried, then kept with the layer (one data and scenarios version). */
    private final Supplier<ScenarioMaps.Planned> planned;

    PlannedFeatureLayer(StoredScenario scenario, String staleness, Supplier<ScenarioMaps.Planned> planned) {
        this.scenario = scenario;
        this.staleness = staleness;
        this.planned = planned;
    }

    static String name(StoredScenario s) {
        return PREFIX + s.id();
    }

    @Override
    public String name() {
        return name(scenario);
    }

    @Override
    public String title() {
        return scenario.name() + ": planned features";
    }

    @Override
    public String description() {
        ScenarioMaps.Planned p = planned.get();
        StringBuilder s = new StringBuilder("The ").append(p.features().size())
                .append(p.features().size() == 1 ? " intervention" : " interventions")
                .append(" of scenario '").append(scenario.name()).append("' (made by ").append(scenario.createdBy())
                .append(", ").append(scenario.createdAt()).append("), planned and not built: drawn dashed.");
        if (scenario.description() != null && !scenario.description().isBlank()) {
            s.append(' ').append(scenario.description().strip());
        }
        if (staleness != null) {
            s.append(" Stale: ").append(staleness).append('.');
        }
        p.notes().forEach(n -> s.append(' ').append(n).append('.'));
        return s.toString();
    }

    @Override
    public List<String> keywords() {
        return List.of("scenario", "planned", scenario.name());
    }

    @Override
    public Envelope extent() {
        return planned.get().extent();
    }

    @Override
    public String attribution() {
        return null;
    }

    @Override
    public List<Item> items(Envelope lonLat) {
        List<Item> out = new ArrayList<>();
        for (PlannedFeature f : planned.get().features()) {
            if (f.geometry() != null && lonLat.intersects(f.geometry().getEnvelopeInternal())) {
                Map<String, Object> properties = new LinkedHashMap<>(f.properties());
                properties.put("scenario", scenario.id());
                out.add(new Item(name() + "." + f.id(), f.geometry(), symbol(f), properties));
            }
        }
        return out;
    }

    /** A row per look the layer's features have, in the order they first come. */
    @Override
    public List<LegendItem> legend() {
        Map<String, Symbol> rows = new LinkedHashMap<>();
        for (PlannedFeature f : planned.get().features()) {
            rows.putIfAbsent(label(f), symbol(f));
        }
        List<LegendItem> out = new ArrayList<>();
        rows.forEach((label, symbol) -> out.add(new LegendItem(label, symbol)));
        return out;
    }

    static Symbol symbol(PlannedFeature f) {
        Map<String, Object> p = f.properties();
        return switch (f.kind()) {
            case UPGRADE_ROAD, NEW_ROAD -> PlannedSymbols.road(f.drawnClass());
            case NEW_POWER_LINE -> PlannedSymbols.powerLine((Integer) p.get("voltage_kv"));
            case NEW_SUBSTATION -> PlannedSymbols.substation();
            case FINANCE_POINT -> PlannedSymbols.finance(FinanceType.valueOf(upper(p.get("finance_type"))));
            case MARKET -> PlannedSymbols.market(MarketKind.valueOf(upper(p.get("market_kind"))),
                    (Long) p.get("population"));
        };
    }

    private static String label(PlannedFeature f) {
        Map<String, Object> p = f.properties();
        String planned = switch (f.kind()) {
            case UPGRADE_ROAD -> "road upgrade (" + f.drawnClass() + ")";
            case NEW_ROAD -> "new road (" + f.drawnClass() + ")";
            case NEW_POWER_LINE -> "new power line, " + p.get("voltage_kv") + " kV";
            case NEW_SUBSTATION -> "new substation";
            case FINANCE_POINT -> "new " + text(p.get("finance_type"));
            case MARKET -> "new market (" + text(p.get("market_kind")) + ")";
        };
        return planned + ", planned";
    }

    private static String upper(Object v) {
        return v.toString().toUpperCase(Locale.ROOT);
    }

    private static String text(Object v) {
        return v.toString().replace('_', ' ');
    }
}
