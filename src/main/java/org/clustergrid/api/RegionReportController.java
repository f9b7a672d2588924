package org.clustergrid.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.clustergrid.app.RegionReportService;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.filter.Literals;
import org.clustergrid.report.EmptyRegionException;
import org.clustergrid.report.Paper;
import org.clustergrid.report.RegionQuery;
import org.clustergrid.report.RegionReportRequest;
import org.clustergrid.report.ReportFormat;
import org.clustergrid.report.UnknownRegionException;
import org.clustergrid.report.Xhtml;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code /api/reports/regions}: the regional priority report on the profile's current run, of an area of a layer
 * ({@code layer=L&feature=ID}), every area of a layer ({@code layer=L}), a box ({@code bbox}), a drawn polygon
 * ({@code area}, WKT or GeoJSON), a country ({@code country=NP}) or every cluster; {@code by=L} breaks it down by
 * a layer's areas. HTML, PDF or CSV (the rows of /api/scores?f=csv), made on the bounded pool. An unknown layer or
 * area, or a region without clusters, is a 404; other bad input a 400 — as a page for HTML, JSON otherwise.
 */
@RestController
@RequestMapping("/api/reports")
class RegionReportController {
    private static final String CSV = "csv";
    private final RegionReportService reports;
    private final BoundedWork work;

    RegionReportController(RegionReportService reports, BoundedWork work) {
        this.reports = reports;
        this.work = work;
    }

    @GetMapping("/regions")
    DeferredResult<ResponseEntity<byte[]>> region(@RequestParam(required = false) String layer,
            @RequestParam(required = false) String feature, @RequestParam(required = false) String by,
            @RequestParam(required = false) String bbox, @RequestParam(required = false) String area,
            @RequestParam(required = false) String country, @RequestParam(defaultValue = "20") String top,
            @RequestParam(defaultValue = "html") String f, @RequestParam(defaultValue = "a4") String paper) {
        boolean csv = f.strip().toLowerCase(Locale.ROOT).equals(CSV);
        ReportFormat format = csv ? null : ReportFormat.of(f).orElseThrow(() -> ApiException.badRequest("f must be "
                + ReportFormat.names() + " or csv, not '" + Literals.excerpt(f) + "'"));
        Paper size = Paper.of(paper).orElseThrow(() -> ApiException.badRequest("paper must be " + Paper.names()
                + ", not '" + Literals.excerpt(paper) + "'"));
        RegionQuery query = new RegionQuery(layer, feature, by, bbox, area, country, top(top));
        return work.submit(() -> {
            try {
                RegionReportRequest request = reports.request(query);
                if (csv) {
                    byte[] body = reports.csv(request).getBytes(StandardCharsets.UTF_8);
                    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                            .header("Content-Disposition", "attachment; filename=\"" + fileName(request) + ".csv\"")
                            .body(body);
                }
                byte[] body = reports.report(request, format, size);
                return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()))
                        .header("Content-Disposition", "inline; filename=\"" + fileName(request)
                                + format.extension() + "\"").body(body);
            } catch (UnknownRegionException | EmptyRegionException e) {
                return refuse(format, HttpStatus.NOT_FOUND, "Region not found", e.getMessage());
            } catch (IllegalArgumentException e) {
                return refuse(format, HttpStatus.BAD_REQUEST, "Region report not made", e.getMessage());
            }
        });
    }

    private static int top(String v) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= RegionReportRequest.MAX_TOP) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("top must be a whole number from 1 to " + RegionReportRequest.MAX_TOP
                + ", not '" + Literals.excerpt(v) + "'");
    }

    private static String fileName(RegionReportRequest r) {
        String name = ReportController.fileName(r.scope().name().toLowerCase(Locale.ROOT).replace(' ', '-'));
        return "regional-report-" + (name.length() > 60 ? name.substring(0, 60) : name);
    }

    /** The error as a page for HTML (a browser tab opened from the map), as the API's JSON otherwise. */
    private static ResponseEntity<byte[]> refuse(ReportFormat format, HttpStatus status, String title,
            String message) {
        String text = message.length() > 400 ? message.substring(0, 400) + "…" : message;
        if (format != ReportFormat.HTML) {
            throw status == HttpStatus.NOT_FOUND ? ApiException.notFound(text) : ApiException.badRequest(text);
        }
        Xhtml x = new Xhtml();
        x.markup("<!DOCTYPE html>\n").open("html", "lang", "en").open("head").empty("meta", "charset", "UTF-8")
                .element("title", title + " — ClusterGrid").close("head").open("body").element("h1", title)
                .element("p", text + ".").open("p").open("a", "href", "../../").text("Back to the map").close("a")
                .close("p").close("body").close("html");
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(x.toString().getBytes(StandardCharsets.UTF_8));
    }
}
