package org.clustergrid.ogc.features;

import java.util.List;
import java.util.Map;

/**
 * Server-rendered HTML: a page shell and a generic rendering of the JSON documents, so each HTML page says what its
 * JSON twin says (/req/html/content) without a template per resource.
 */
final class Html {
    private Html() {}

    static String escape(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A whole page; {@code head} adds to the head (scripts, styles), {@code crumbs} are (label, href) pairs. */
    static String page(String title, List<Link> crumbs, String body, String head) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" – ClusterGrid OGC API – Features</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:1.5em;max-width:70em;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;")
                .append("text-align:left;vertical-align:top}dt{font-weight:bold}dd{margin:0 0 .4em 1.5em}")
                .append("nav{margin-bottom:1em}#map{height:400px;margin:1em 0}</style>")
                .append(head == null ? "" : head).append("</head><body><nav>");
        for (int i = 0; i < crumbs.size(); i++) {
            b.append(i == 0 ? "" : " / ").append(anchor(crumbs.get(i)));
        }
        return b.append("</nav><h1>").append(escape(title)).append("</h1>").append(body)
                .append("</body></html>").toString();
    }

    static String anchor(Link l) {
        return "<a href=\"" + escape(l.href()) + "\">" + escape(l.title() != null ? l.title() : l.href()) + "</a>";
    }

    /** A JSON value (maps, lists, links, scalars) as nested HTML. */
    static String value(Object v) {
        if (v instanceof Link l) {
            return anchor(l) + " <small>(" + escape(l.rel()) + (l.type() == null ? "" : ", " + escape(l.type()))
                    + ")</small>";
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("<dl>");
            m.forEach((k, x) -> b.append("<dt>").append(escape(k)).append("</dt><dd>").append(value(x)).append("</dd>"));
            return b.append("</dl>").toString();
        }
        if (v instanceof List<?> list) {
            if (!list.isEmpty() && list.stream().allMatch(x -> x instanceof Number)) {
                return escape(list);
            }
            StringBuilder b = new StringBuilder("<ul>");
            list.forEach(x -> b.append("<li>").append(value(x)).append("</li>"));
            return b.append("</ul>").toString();
        }
        if (v instanceof String s && (s.startsWith("http://") || s.startsWith("https://"))) {
            return "<a href=\"" + escape(s) + "\">" + escape(s) + "</a>";
        }
        return escape(v);
    }

    /** Leaflet from the bundled webjar: no internet needed. */
    static String leafletHead(String contextPath) {
        String base = contextPath + "/webjars/leaflet/1.9.4/dist/";
        return "<link rel=\"stylesheet\" href=\"" + base + "leaflet.css\"><script src=\"" + base
                + "leaflet.js\"></script>";
    }

    /** A map showing the GeoJSON at {@code geojsonUrl}, zoomed to it; the page works without it too. */
    static String map(String geojsonUrl) {
        // the URL travels in an attribute, where HTML escaping is right, never inside the script
        return "<div id=\"map\" data-src=\"" + escape(geojsonUrl) + "\"></div><script>(function(){if(!window.L)return;"
                + "var d=document.getElementById('map'),m=L.map(d);"
                + "L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',{maxZoom:19,"
                + "attribution:'&copy; OpenStreetMap contributors'}).addTo(m);m.setView([0,0],1);"
                + "fetch(d.dataset.src,{headers:{Accept:'application/geo+json'}}).then(function(r){return r.json()})"
                + ".then(function(j){var g=L.geoJSON(j,{onEachFeature:function(f,l){l.bindTooltip(String(f.id))}})"
                + ".addTo(m);var b=g.getBounds();if(b.isValid())m.fitBounds(b,{maxZoom:15})})})();</script>";
    }
}
