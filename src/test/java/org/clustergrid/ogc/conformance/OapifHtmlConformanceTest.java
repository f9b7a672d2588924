package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features Part 1, conformance class HTML ({@code /conf/html}, OGC 17-069r4 Annex A.5): every resource as
 * an HTML 5 page holding what its JSON twin holds, its links as {@code <a>} elements.
 */
class OapifHtmlConformanceTest extends ConformanceTestBase {
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    List<String> resources() throws Exception {
        String id = json("/collections/markets/items?limit=1", "application/geo+json", "application/geo+json")
                .path("features").get(0).path("id").asText();
        return List.of("", "/conformance", "/collections", "/collections/markets", "/collections/markets/items?limit=5",
                "/collections/markets/items/" + id, "/api");
    }

    /** /conf/html/definition: text/html when asked for by Accept or f, an HTML 5 document. */
    @Test
    void html5ForEveryResource() throws Exception {
        for (String path : resources()) {
            for (HttpResponse<String> r : List.of(get(path, "Accept", BROWSER), get(path + (path.contains("?")
                    ? "&" : "?") + "f=html"))) {
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(contentType(r)).as(path).startsWith("text/html");
                String body = r.body();
                assertThat(body).as(path).startsWith("<!DOCTYPE html>");
                assertThat(body).as(path).contains("<html", "<head>", "<meta charset=\"utf-8\">", "<title>",
                        "</head><body>", "</body></html>");
            }
        }
    }

    /**
     * /conf/html/content: the information of the JSON resource is in the body, and every link of it is an
     * {@code <a>} element (the JSON and HTML self/alternate links trade places).
     */
    @Test
    void sameContentAndLinksAsJson() throws Exception {
        for (String path : resources()) {
            if (path.equals("/api")) {
                continue;
            }
            String sep = path.contains("?") ? "&" : "?";
            HttpResponse<String> jr = get(path + sep + "f=json");
            JsonNode doc = JSON.readTree(jr.body());
            String html = get(path + sep + "f=html").body();
            for (JsonNode l : doc.path("links")) {
                String href = l.path("href").asText();
                List<String> forms = new ArrayList<>(List.of(href, href.replace("f=json", "f=html")));
                assertThat(forms.stream().anyMatch(h -> html.contains("<a href=\"" + h.replace("&", "&amp;") + "\"")))
                        .as(path + ": link " + href).isTrue();
            }
            if (doc.has("conformsTo")) {
                doc.path("conformsTo").forEach(c -> assertThat(html).contains(c.asText()));
            }
            if (doc.has("collections")) {
                doc.path("collections").forEach(c -> assertThat(html).contains(c.path("title").asText()));
            }
            if (doc.has("title")) {
                assertThat(html).as(path).contains(doc.path("title").asText());
            }
            if (doc.has("features")) {
                assertThat(html).contains(doc.path("numberMatched").asText() + " features match");
                doc.path("features").forEach(f -> assertThat(html).contains(f.path("id").asText()));
            }
            if ("Feature".equals(doc.path("type").asText())) {
                doc.path("properties").fields().forEachRemaining(p -> {
                    if (!p.getValue().isNull() && !p.getValue().isContainerNode()) {
                        assertThat(html).as(path + " " + p.getKey()).contains(p.getKey());
                    }
                });
            }
        }
    }
}
