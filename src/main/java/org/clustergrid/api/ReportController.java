package org.clustergrid.api;

import java.nio.charset.StandardCharsets;
import org.clustergrid.app.ReportService;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.filter.Literals;
import org.clustergrid.report.Paper;
import org.clustergrid.report.ReportFormat;
import org.clustergrid.report.UnknownClusterException;
import org.clustergrid.report.Xhtml;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Printable reports on the profile's current run: {@code /api/reports/clusters/{id}?f=html|pdf&paper=a4|letter}, the
 * profile of one cluster, made on the bounded pool. An unknown cluster is a 404 (a page for HTML, JSON for PDF).
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {
    private final ReportService reports;
    private final BoundedWork work;

    ReportController(ReportService reports, BoundedWork work) {
        this.reports = reports;
        this.work = work;
    }

    @GetMapping("/clusters/{clusterGridId}")
    DeferredResult<ResponseEntity<byte[]>> cluster(@PathVariable String clusterGridId,
            @RequestParam(defaultValue = "html") String f, @RequestParam(defaultValue = "a4") String paper) {
        ReportFormat format = ReportFormat.of(f).orElseThrow(() -> ApiException.badRequest("f must be "
                + ReportFormat.names() + ", not '" + Literals.excerpt(f) + "'"));
        Paper size = Paper.of(paper).orElseThrow(() -> ApiException.badRequest("paper must be " + Paper.names()
                + ", not '" + Literals.excerpt(paper) + "'"));
        return work.submit(() -> {
            try {
                byte[] body = reports.clusterProfile(clusterGridId, format, size);
                return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()))
                        .header("Content-Disposition", "inline; filename=\"cluster-profile-"
                                + fileName(clusterGridId) + format.extension() + "\"")
                        .body(body);
            } catch (UnknownClusterException e) {
                String message = "no cluster with Cluster Grid ID '" + Literals.excerpt(clusterGridId)
                        + "' in the current scoring run";
                if (format == ReportFormat.HTML) {
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                            .body(notFoundPage(message));
                }
                throw ApiException.notFound(message);
            }
        });
    }

    /** The id as a safe file name: letters, digits, dot, dash and underscore. */
    static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static byte[] notFoundPage(String message) {
        Xhtml x = new Xhtml();
        x.markup("<!DOCTYPE html>\n").open("html", "lang", "en").open("head").empty("meta", "charset", "UTF-8")
                .element("title", "Cluster not found — ClusterGrid").close("head").open("body")
                .element("h1", "Cluster not found").element("p", message + ".")
                .open("p").open("a", "href", "../../../").text("Back to the map").close("a").close("p")
                .close("body").close("html");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }
}
