package org.clustergrid.ogc.features;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
        boolean more = r.offset() + page.features().size() < page.numberMatched();
        Link next = more ? new Link(pageUrl(urls, format, r.offset() + r.limit()), "next", type(format),
                "Next page") : null;
        Link prev = r.offset() > 0 ? new Link(pageUrl(urls, format, Math.max(0, r.offset() - r.limit())), "prev",
                type(format), "Previous page") : null;
        List<Link> alternates = new ArrayList<>();
        for (Format f : Format.ITEMS) {
            if (f != format) {
                alternates.add(new Link(urls.current(f), "alternate", type(f), "This page as " + name(f)));
            }
        }
        Link self = new Link(urls.current(format), "self", type(format), "This page");
        Link collection = new Link(urls.of("/collections/" + layer.id(), Format.JSON), "collection",
                MediaTypes.linkType(MediaTypes.JSON), layer.title());
        return new ItemsPage(layer, page, Instant.now().truncatedTo(ChronoUnit.SECONDS), self, alternates, next, prev,
                collection, r.crs());
    }

    /** The same query with another offset: bbox, bbox-crs, crs, filters, limit and f are kept as the client wrote them. */
    private static String pageUrl(Urls urls, Format format, long offset) {
        return Urls.withParam(urls.current().replaceQueryParam("f", format.param()), "offset", offset);
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
        List<Link> all = new ArrayList<>();
        all.add(self);
        all.addAll(alternates);
        if (next != null) {
            all.add(next);
        }
        if (prev != null) {
            all.add(prev);
        }
        all.add(collection);
        return all;
    }
}
