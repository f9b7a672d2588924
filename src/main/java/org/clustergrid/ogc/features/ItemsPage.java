package org.clustergrid.ogc.features;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.clustergrid.model.Layer;
import org.clustergrid.store.FeaturePage;

/**
 * A page of items with everything its encodings need, links included. Links are made on the request thread, as the
 * bodies are written later on another one.
 */
record ItemsPage(Layer layer, FeaturePage page, Instant timeStamp, Link self, List<Link> alternates, Link next,
        Link prev, Link collection, Crs crs) {

    static ItemsPage of(Layer layer, ItemsRequest r, FeaturePage page, Format format, Urls urls) {
        PageLinks l = PageLinks.of(layer.id(), layer.title(), r, page.features().size(), page.numberMatched(), format,
                urls);
        return new ItemsPage(layer, page, Instant.now().truncatedTo(ChronoUnit.SECONDS), l.self(), l.alternates(),
                l.next(), l.prev(), l.collection(), r.crs());
    }

    static String type(Format f) {
        return switch (f) {
            case JSON -> MediaTypes.linkType(MediaTypes.GEOJSON);
            case HTML -> MediaTypes.linkType(MediaTypes.HTML);
            case CSV -> MediaTypes.linkType(MediaTypes.CSV);
        };
    }

    static String name(Format f) {
        return switch (f) {
            case JSON -> "GeoJSON";
            case HTML -> "HTML";
            case CSV -> "CSV";
        };
    }

    /** self, alternates, next, prev and collection, in that order. */
    List<Link> links() {
        return new PageLinks(self, alternates, next, prev, collection).all();
    }
}
