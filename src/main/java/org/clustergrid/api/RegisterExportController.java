package org.clustergrid.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.clustergrid.register.roundtrip.ExportFormat;
import org.clustergrid.register.roundtrip.RegisterExport;
import org.clustergrid.store.SpatialStore;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/register/export?f=csv|geojson|gpkg[&dataset=ID][&table=clusters|interventions|datasets]}: the
 * register (every current cluster, or one dataset's) as a download that {@code import register FILE} (or an admin
 * upload with {@code kind=register}) restores; a CSV or GeoJSON download is the one table asked for, a GeoPackage
 * holds them all. Read like the clusters' history: by whoever may read.
 */
@RestController
class RegisterExportController {
    private final RegisterExport export;
    private final SpatialStore store;

    RegisterExportController(RegisterExport export, SpatialStore store) {
        this.export = export;
        this.store = store;
    }

    @GetMapping("/api/register/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(value = "f", defaultValue = "gpkg") String f,
            @RequestParam(value = "dataset", required = false) String dataset,
            @RequestParam(value = "table", defaultValue = "clusters") String table) throws IOException {
        ExportFormat format = ExportFormat.of(f);
        if (!RegisterExport.tables().contains(table)) {
            throw ApiException.badRequest("unknown table '" + table + "'; use one of " + String.join(", ",
                    RegisterExport.tables()));
        }
        if (dataset != null && store.dataset(dataset).isEmpty()) {
            throw ApiException.notFound("no dataset '" + dataset + "'");
        }
        String name = "clustergrid-register" + (dataset == null ? "" : "-" + dataset) + "-"
                + LocalDate.now(ZoneOffset.UTC) + "." + format.extension();
        Path dir = Files.createTempDirectory("clustergrid-export");
        try {
            Path whole = dir.resolve(name);
            export.write(format, dataset, whole);
            // a GeoPackage holds every table; CSV and GeoJSON hold one each, the one asked for
            Path file = format == ExportFormat.GPKG ? whole : RegisterExport.fileOf(whole, table);
            String served = file.getFileName().toString();
            return ResponseEntity.ok()
                    .header("Content-Type", format.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + served + "\"")
                    .contentLength(Files.size(file))
                    .body(out -> {
                        try {
                            Files.copy(file, out);
                        } finally {
                            FileSystemUtils.deleteRecursively(dir);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(dir);
            throw e;
        }
    }
}
