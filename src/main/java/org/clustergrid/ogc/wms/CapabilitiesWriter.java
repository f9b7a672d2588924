package org.clustergrid.ogc.wms;

import java.awt.Dimension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.model.Layer;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.ImageFormat;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.Style;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.render.Surface;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes the capabilities document: WMS_Capabilities for 1.3.0 (capabilities_1_3_0.xsd, element order as the
 * schema's sequences require) or WMT_MS_Capabilities for 1.1.1 (WMS_MS_Capabilities.dtd).
 */
final class CapabilitiesWriter {
    static final String WMS = "http://www.opengis.net/wms";
    static final String SLD = "http://www.opengis.net/sld";
    static final List<String> MAP_FORMATS = List.of("image/png", "image/png; mode=8bit", "image/png8", "image/jpeg");
    static final List<String> INFO_FORMATS = List.of("application/json", "text/html", "text/plain");

    /** What the document says about the data, gathered by the service from the store. */
    record Content(String baseUrl, long updateSequence, Map<Layer, Envelope> extents, Map<Layer, String> attributions,
            StyleRegistry styles, java.util.function.Function<List<? extends MapLayer>, Dimension> legendSize,
            ClusterGridProperties.Contact contact) {}

    private final Content c;
    private final WmsVersion v;
    private final Xml x = new Xml();

    private CapabilitiesWriter(Content content, WmsVersion version) {
        this.c = content;
        this.v = version;
    }

    static byte[] write(Content content, WmsVersion version) {
        return new CapabilitiesWriter(content, version).document();
    }

    static String contentType(WmsVersion v) {
        return v == WmsVersion.V1_3_0 ? "text/xml" : "application/vnd.ogc.wms_xml";
    }

    private boolean v13() {
        return v == WmsVersion.V1_3_0;
    }

    private byte[] document() {
        if (v13()) {
            x.start("WMS_Capabilities").namespace("", WMS).namespace("xlink", Xml.XLINK)
                    .namespace("sld", SLD).namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
                    .attr("version", "1.3.0").attr("updateSequence", Long.toString(c.updateSequence()))
                    .attr("xsi:schemaLocation", WMS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd "
                            + SLD + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
        } else {
            x.raw("<!DOCTYPE WMT_MS_Capabilities SYSTEM"
                    + " \"http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd\">");
            x.start("WMT_MS_Capabilities").namespace("xlink", Xml.XLINK).attr("version", "1.1.1")
                    .attr("updateSequence", Long.toString(c.updateSequence()));
        }
        service();
        capability();
        x.end();
        return x.bytes();
    }

    private void service() {
        x.start("Service");
        x.element("Name", v13() ? "WMS" : "OGC:WMS");
        x.element("Title", "ClusterGrid WMS");
        x.element("Abstract", "Maps of industrial and MSME clusters and the infrastructure around them: roads,"
                + " electricity, finance access points and markets.");
        keywords(List.of("ClusterGrid", "WMS", "industrial clusters", "infrastructure"));
        x.onlineResource(c.baseUrl());
        contact(c.contact());
        x.element("Fees", "none");
        x.element("AccessConstraints", "none; each dataset keeps its licence, shown in the layer attribution");
        if (v13()) {
            x.element("LayerLimit", Integer.toString(MapRequest.LAYER_LIMIT));
            x.element("MaxWidth", Integer.toString(MapRequest.MAX_SIZE));
            x.element("MaxHeight", Integer.toString(MapRequest.MAX_SIZE));
        }
        x.end();
    }

    /** ContactInformation: only what the operator configured, in the order both versions' schemas require. */
    private void contact(ClusterGridProperties.Contact k) {
        x.start("ContactInformation");
        x.start("ContactPersonPrimary").element("ContactPerson", k.person() == null ? "" : k.person())
                .element("ContactOrganization", k.organization()).end();
        if (k.position() != null && !k.position().isBlank()) {
            x.element("ContactPosition", k.position());
        }
        if (k.phone() != null && !k.phone().isBlank()) {
            x.element("ContactVoiceTelephone", k.phone());
        }
        if (k.email() != null && !k.email().isBlank()) {
            x.element("ContactElectronicMailAddress", k.email());
        }
        x.end();
    }

    private void keywords(List<String> words) {
        x.start("KeywordList");
        words.forEach(w -> x.element("Keyword", w));
        x.end();
    }

    private void capability() {
        x.start("Capability").start("Request");
        operation("GetCapabilities", List.of(contentType(v)));
        operation("GetMap", MAP_FORMATS);
        operation("GetFeatureInfo", INFO_FORMATS);
        operation(v13() ? "sld:GetLegendGraphic" : "GetLegendGraphic", List.of("image/png", "image/png8", "image/jpeg"));
        x.end();
        x.start("Exception");
        if (v13()) {
            List.of("XML", "INIMAGE", "BLANK").forEach(f -> x.element("Format", f));
        } else {
            List.of("application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank")
                    .forEach(f -> x.element("Format", f));
        }
        x.end();
        List<FeatureLayer> scenarios = c.styles().scenarioLayers();
        if (scenarios.isEmpty()) {
            rootLayer(true);
        } else {
            scenariosBeside(scenarios);
        }
        x.end();
    }

    /**
     * A named layer's map portrays every layer nested in it (WMS 1.3.0, 7.2.4.6.2), and the group must not draw
     * planned features with the data: with scenarios stored, the top layer is a category holding the group and a
     * "Scenarios" category of their layers. The top declares the CRSs, which every layer inherits.
     */
    private void scenariosBeside(List<FeatureLayer> scenarios) {
        x.start("Layer");
        x.element("Title", "ClusterGrid WMS");
        x.element("Abstract", "The data (" + WmsLayer.ROOT + ", which draws them all) and the stored what-if"
                + " scenarios (Scenarios).");
        crsList();
        Envelope all = dataExtent();
        scenarios.stream().map(FeatureLayer::extent).filter(e -> e != null).forEach(all::expandToInclude);
        boxes(all.isNull() ? world() : all);
        rootLayer(false);
        x.start("Layer");
        x.element("Title", "Scenarios");
        x.element("Abstract", "Per stored scenario: its planned features (scenario-ID), drawn dashed in the colours"
                + " of what they would become, and the clusters by how much it lowers their gap (scenario-ID-change).");
        keywords(List.of("scenarios", "planned"));
        scenarios.forEach(f -> scenarioLayer(WmsLayer.of(f), f));
        x.end();
        x.end();
    }

    private void crsList() {
        for (WmsCrs crs : WmsCrs.offered(v)) {
            x.element(v13() ? "CRS" : "SRS", crs.code());
        }
    }

    /** The box of everything the group draws. */
    private Envelope dataExtent() {
        Envelope all = new Envelope();
        c.extents().values().forEach(all::expandToInclude);
        c.styles().surfaces().stream().map(Surface::extent).filter(e -> e != null).forEach(all::expandToInclude);
        c.styles().featureLayers().stream().map(FeatureLayer::extent).filter(e -> e != null)
                .forEach(all::expandToInclude);
        return all;
    }

    /**
     * A scenario's layer: its extent, and its one look declared as "default" with its legend, since it does not
     * inherit the group's styles.
     */
    private void scenarioLayer(WmsLayer l, FeatureLayer f) {
        x.start("Layer").attr("queryable", "1").attr("opaque", "0");
        x.element("Name", l.name());
        x.element("Title", l.title());
        x.element("Abstract", l.description());
        keywords(l.keywords());
        boxes(f.extent() == null ? world() : f.extent());
        x.start("Style").element("Name", "default").element("Title", f.title());
        legendUrl(l.name(), "default", c.legendSize().apply(List.of(f)));
        x.end();
        x.end();
    }

    private void operation(String name, List<String> formats) {
        x.start(name);
        formats.forEach(f -> x.element("Format", f));
        x.start("DCPType").start("HTTP").start("Get");
        x.onlineResource(c.baseUrl() + "?");
        x.end().end().end();
        x.end();
    }

    /**
     * The styles the root declares. Children inherit them and must not declare a style of the same name again (WMS
     * 1.3.0, 7.2.4.6.5; 1.1.1 says the same), so a child lists only its other styles; "default" is each layer's own
     * default look, drawn for STYLES=default as for STYLES= (its legend: GetLegendGraphic with the child's name).
     */
    static final java.util.Set<String> ROOT_STYLES = java.util.Set.of("default");

    /** @param top whether it is the top layer, which declares the CRSs */
    private void rootLayer(boolean top) {
        WmsLayer root = WmsLayer.group(c.styles());
        // queryable: GetFeatureInfo on the group answers from its children
        x.start("Layer").attr("queryable", root.queryable() ? "1" : "0");
        x.element("Name", root.name());
        x.element("Title", root.title());
        x.element("Abstract", root.description());
        keywords(root.keywords());
        if (top) {
            crsList();
        }
        Envelope all = dataExtent();
        boxes(all.isNull() ? world() : all);
        x.start("Style").element("Name", "default").element("Title", "Each layer in its default style");
        // as GetLegendGraphic lists them: top of the map first
        List<MapLayer> drawn = new java.util.ArrayList<>(root.legendOrder().stream().map(c.styles()::defaultStyle)
                .toList());
        root.featuresTopFirst().forEach(f -> c.styles().featureLayer(f).ifPresent(drawn::add));
        drawn.addAll(c.styles().surfaces());
        legendUrl(root.name(), "default", c.legendSize().apply(drawn));
        x.end();
        for (WmsLayer child : WmsLayer.children(c.styles())) {
            if (!child.surfaces().isEmpty()) {
                c.styles().surface(child.surfaces().get(0)).ifPresent(s -> surfaceLayer(child, s));
            } else if (!child.features().isEmpty()) {
                c.styles().featureLayer(child.features().get(0)).ifPresent(f -> featureLayer(child, f));
            } else {
                childLayer(child);
            }
        }
        x.end();
    }

    private void childLayer(WmsLayer l) {
        Layer layer = l.layers().get(0);
        x.start("Layer").attr("queryable", l.queryable() ? "1" : "0").attr("opaque", "0");
        x.element("Name", l.name());
        x.element("Title", l.title());
        x.element("Abstract", l.description());
        keywords(l.keywords());
        Envelope e = c.extents().get(layer);
        boxes(e == null ? world() : e);
        String attribution = c.attributions().get(layer);
        if (attribution != null && !attribution.isBlank()) {
            x.start("Attribution").element("Title", attribution).end();
        }
        for (Style s : c.styles().styles(layer)) {
            if (ROOT_STYLES.contains(s.name())) {
                continue;
            }
            x.start("Style");
            x.element("Name", s.name());
            x.element("Title", s.title());
            legendUrl(l.name(), s.name(), c.legendSize().apply(List.of(s)));
            x.end();
        }
        x.end();
    }

    /**
     * A surface: its own extent; its one look is the inherited default, so no style of its own; a raster's
     * attribution (a computed surface has none of its own: its sources carry theirs).
     */
    private void surfaceLayer(WmsLayer l, Surface s) {
        x.start("Layer").attr("queryable", "1").attr("opaque", "0");
        x.element("Name", l.name());
        x.element("Title", l.title());
        x.element("Abstract", l.description());
        keywords(l.keywords());
        boxes(s.extent() == null ? world() : s.extent());
        dimensions(s.dimensions());
        if (s.attribution() != null) {
            x.start("Attribution").element("Title", s.attribution()).end();
        }
        x.end();
    }

    /**
     * A context layer: its own extent and attribution; its look is the inherited default (its legend:
     * GetLegendGraphic with its name), which is its stored style when it has one. That style is also declared by its
     * own name, never as "default", which the root declares and a child must not declare again.
     */
    private void featureLayer(WmsLayer l, FeatureLayer f) {
        x.start("Layer").attr("queryable", "1").attr("opaque", "0");
        x.element("Name", l.name());
        x.element("Title", l.title());
        x.element("Abstract", l.description());
        keywords(l.keywords());
        boxes(f.extent() == null ? world() : f.extent());
        dimensions(f.dimensions());
        if (f.attribution() != null) {
            x.start("Attribution").element("Title", f.attribution()).end();
        }
        for (String style : f.styleNames()) {
            FeatureLayer styled = f.styledAs(style);
            x.start("Style");
            x.element("Name", style);
            x.element("Title", style.equals(f.styleName()) && f instanceof ContextFeatureLayer cf ? cf.styleTitle()
                    : style.equals(RegionScoreLayer.NAME) ? RegionScoreLayer.TITLE : style);
            legendUrl(l.name(), style, c.legendSize().apply(List.of(styled == null ? f : styled)));
            x.end();
        }
        x.end();
    }

    /**
     * The layer's dimensions (WMS 1.3.0 C.2: Dimension with the values; 1.1.1: Dimension with the units, then Extent
     * with the values).
     */
    private void dimensions(List<org.clustergrid.dimension.Dimension> dims) {
        for (var d : dims) {
            x.start("Dimension").attr("name", d.axis().dimensionName())
                    .attr("units", v13() ? d.axis().units() : d.axis().units111());
            if (d.axis().unitSymbol() != null) {
                x.attr("unitSymbol", d.axis().unitSymbol());
            }
            if (v13()) {
                if (d.defaultValue() != null) {
                    x.attr("default", d.defaultValue());
                }
                x.attr("multipleValues", Boolean.toString(d.multipleValues()))
                        .attr("nearestValue", Boolean.toString(d.nearestValue())).text(d.extent().text());
            }
            x.end();
        }
        if (!v13()) {
            for (var d : dims) {
                x.start("Extent").attr("name", d.axis().dimensionName());
                if (d.defaultValue() != null) {
                    x.attr("default", d.defaultValue());
                }
                // the 1.1.1 DTD's Extent has no multipleValues
                x.attr("nearestValue", d.nearestValue() ? "1" : "0").text(d.extent().text()).end();
            }
        }
    }

    private void legendUrl(String layer, String style, Dimension d) {
        x.start("LegendURL").attr("width", d.width).attr("height", d.height);
        x.element("Format", ImageFormat.PNG.mimeType());
        x.onlineResource(c.baseUrl() + "?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=1.1.0&FORMAT=image%2Fpng"
                + "&LAYER=" + enc(layer) + "&STYLE=" + enc(style));
        x.end();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Envelope world() {
        return new Envelope(-180, 180, -90, 90);
    }

    /** Degrees a box reaches around a layer of one point (about 11 m at the equator). */
    static final double POINT_PAD_DEGREES = 0.0001;

    /**
     * The geographic box, then a BoundingBox per CRS in that CRS's axis order for this version; widened to the printed
     * decimals, so the data never reaches past the box a client reads.
     */
    private void boxes(Envelope extent) {
        // a single point (or a line along an axis) still gets a box a client can ask a map of: BBOX needs min < max
        double padX = extent.getWidth() == 0 ? POINT_PAD_DEGREES : 0;
        double padY = extent.getHeight() == 0 ? POINT_PAD_DEGREES : 0;
        Envelope e = new Envelope(Xml.down(extent.getMinX() - padX), Xml.up(extent.getMaxX() + padX),
                Xml.down(extent.getMinY() - padY), Xml.up(extent.getMaxY() + padY));
        if (v13()) {
            x.start("EX_GeographicBoundingBox")
                    .element("westBoundLongitude", Xml.num(e.getMinX()))
                    .element("eastBoundLongitude", Xml.num(e.getMaxX()))
                    .element("southBoundLatitude", Xml.num(e.getMinY()))
                    .element("northBoundLatitude", Xml.num(e.getMaxY()))
                    .end();
        } else {
            x.start("LatLonBoundingBox").attr("minx", e.getMinX()).attr("miny", e.getMinY())
                    .attr("maxx", e.getMaxX()).attr("maxy", e.getMaxY()).end();
        }
        for (WmsCrs crs : WmsCrs.offered(v)) {
            double[] b = crs.axisOrdered(crs.project(e), v);
            x.start("BoundingBox").attr(v13() ? "CRS" : "SRS", crs.code())
                    .attr("minx", b[0]).attr("miny", b[1]).attr("maxx", b[2]).attr("maxy", b[3]).end();
        }
    }
}
