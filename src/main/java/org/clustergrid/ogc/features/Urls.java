package org.clustergrid.ogc.features;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute URLs for links, made from the request being answered so they hold whatever host and port the client
 * used. Call only on the request thread.
 */
@Component
class Urls {
    private final String path;

    Urls(@Value(FeaturesPath.MAPPING) String path) {
        this.path = path;
    }

    /** The landing page; every other resource is below it. */
    String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }

    String of(String relative) {
        return base() + relative;
    }

    String of(String relative, Format f) {
        return base() + relative + "?f=" + f.param();
    }

    /** The current request with its query (as the client encoded it), {@code f} replaced or removed. */
    String current(Format f) {
        return withParam(current(), "f", f == null ? null : f.param());
    }

    UriComponentsBuilder current() {
        return ServletUriComponentsBuilder.fromCurrentRequest();
    }

    /** The self link in the format being served and the alternate in the other one, JSON and HTML resources. */
    java.util.List<Link> selfAndAlternate(String path, Format current, String title) {
        Link json = new Link(of(path, Format.JSON), current == Format.JSON ? "self" : "alternate",
                MediaTypes.linkType(MediaTypes.JSON), title);
        Link html = new Link(of(path, Format.HTML), current == Format.HTML ? "self" : "alternate",
                MediaTypes.linkType(MediaTypes.HTML), title + " as HTML");
        return current == Format.HTML ? java.util.List.of(html, json) : java.util.List.of(json, html);
    }

    /** Breadcrumbs of HTML pages: home, then (label, path) pairs. */
    java.util.List<Link> crumbs(String... labelsAndPaths) {
        java.util.List<Link> c = new java.util.ArrayList<>();
        c.add(new Link(of("", Format.HTML), "start", null, "Home"));
        for (int i = 0; i + 1 < labelsAndPaths.length; i += 2) {
            c.add(new Link(of(labelsAndPaths[i + 1], Format.HTML), "up", null, labelsAndPaths[i]));
        }
        return c;
    }

    static String withParam(UriComponentsBuilder b, String name, Object value) {
        return (value == null ? b.replaceQueryParam(name) : b.replaceQueryParam(name, value)).build().toUriString();
    }
}
