package org.clustergrid.ogc.features;

import java.util.ArrayList;
import java.util.List;

/** The links of a page of items: self, the other formats, next and previous pages, and the collection. */
record PageLinks(Link self, List<Link> alternates, Link next, Link prev, Link collection) {

    static PageLinks of(String collectionId, String title, ItemsRequest r, int returned, long matched, Format format,
            Urls urls) {
        boolean more = r.offset() + returned < matched;
        Link next = more ? new Link(pageUrl(urls, format, r.offset() + r.limit()), "next", ItemsPage.type(format),
                "Next page") : null;
        Link prev = r.offset() > 0 ? new Link(pageUrl(urls, format, Math.max(0, r.offset() - r.limit())), "prev",
                ItemsPage.type(format), "Previous page") : null;
        List<Link> alternates = new ArrayList<>();
        for (Format f : Format.ITEMS) {
            if (f != format) {
                alternates.add(new Link(urls.current(f), "alternate", ItemsPage.type(f),
                        "This page as " + ItemsPage.name(f)));
            }
        }
        Link self = new Link(urls.current(format), "self", ItemsPage.type(format), "This page");
        Link collection = new Link(urls.of("/collections/" + collectionId, Format.JSON), "collection",
                MediaTypes.linkType(MediaTypes.JSON), title);
        return new PageLinks(self, alternates, next, prev, collection);
    }

    /** The same query with another offset: bbox, bbox-crs, crs, filters, limit and f are kept as the client wrote them. */
    private static String pageUrl(Urls urls, Format format, long offset) {
        return Urls.withParam(urls.current().replaceQueryParam("f", format.param()), "offset", offset);
    }

    /** self, alternates, next, prev and collection, in that order. */
    List<Link> all() {
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
