package org.clustergrid.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.app.ImportOptions;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.register.roundtrip.RegisterRestore;
import org.clustergrid.render.sld.SldException;
import org.clustergrid.render.sld.SldParser;
import org.clustergrid.render.sld.UserStyle;
import org.clustergrid.store.SpatialStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Admin endpoints: import uploaded files (the same options as the import command) and delete datasets. Only admins
 * reach them: the security filter chain refuses others before the upload is read (security.web.AccessRules).
 * Uploads keep their names in one folder, so a shapefile sent as separate .shp, .shx, .dbf, .prj and .cpg parts is
 * read as one shapefile, its parts grouped by name like files on disk.
 */
@RestController
@RequestMapping("/api/admin")
class AdminController {
    static final String SLD = "application/vnd.ogc.sld+xml";
    private final Importer importer;
    private final ContextLayerImporter contextImporter;
    private final RasterImporter rasterImporter;
    private final SpatialStore store;
    private final ImportJobs jobs;
    private final RegisterRestore registerRestore;

    AdminController(Importer importer, ContextLayerImporter contextImporter, RasterImporter rasterImporter,
            SpatialStore store, ImportJobs jobs, RegisterRestore registerRestore) {
        this.importer = importer;
        this.registerRestore = registerRestore;
        this.contextImporter = contextImporter;
        this.rasterImporter = rasterImporter;
        this.store = store;
        this.jobs = jobs;
    }

    /**
     * Imports the uploaded files and answers 201 with the report; with {@code async=true} or
     * {@code Prefer: respond-async}, checks the options, queues the import as a job and answers 202 at once with
     * where to follow it ({@link ImportJobController}).
     */
    @PostMapping(path = "/imports", consumes = "multipart/form-data")
    ResponseEntity<Map<String, Object>> upload(@RequestParam("kind") String kind,
            @RequestParam("file") List<MultipartFile> files,
            @RequestParam(value = "mapping", required = false) MultipartFile mapping,
            @RequestParam(value = "dataset", required = false) String dataset,
            @RequestParam(value = "title", required = false) String title,
            @RequestParam(value = "source", required = false) String source,
            @RequestParam(value = "licence", required = false) String licence,
            @RequestParam(value = "attribution", required = false) String attribution,
            @RequestParam(value = "layer", required = false) String layer,
            @RequestParam(value = "as", required = false) String as,
            @RequestParam(value = "osm-filter", required = false) String osmFilter,
            @RequestParam(value = "sourceLayer", required = false) String sourceLayer,
            @RequestParam(value = "countries", required = false) String countries,
            @RequestParam(value = "minPopulation", required = false) Long minPopulation,
            @RequestParam(value = "clustersFromOsm", defaultValue = "false") boolean clustersFromOsm,
            @RequestParam(value = "skipInvalid", defaultValue = "false") boolean skipInvalid,
            @RequestParam(value = "synthetic", defaultValue = "false") boolean synthetic,
            @RequestParam(value = "coverage", required = false) String coverage,
            @RequestParam(value = "boundaries", required = false) MultipartFile boundaries,
            @RequestParam(value = "boundariesField", required = false) String boundariesField,
            @RequestParam(value = "crs", required = false) String crs,
            @RequestParam(value = "ramp", required = false) String ramp,
            @RequestParam(value = "elevation", required = false) String elevation,
            @RequestParam(value = "elevationAttribute", required = false) String elevationAttribute,
            @RequestParam(value = "elevationDefault", required = false) String elevationDefault,
            @RequestParam(value = "elevationMultiple", required = false) String elevationMultiple,
            @RequestParam(value = "elevationNearest", required = false) String elevationNearest,
            @RequestParam(value = "timeAttribute", required = false) String timeAttribute,
            @RequestParam(value = "time", required = false) String time,
            @RequestParam(value = "timeDefault", required = false) String timeDefault,
            @RequestParam(value = "timeMultiple", required = false) String timeMultiple,
            @RequestParam(value = "timeNearest", required = false) String timeNearest,
            @RequestParam(value = "async", defaultValue = "false") boolean async,
            @RequestHeader(value = "Prefer", required = false) String prefer) throws Exception {
        Path dir = Files.createTempDirectory("clustergrid-upload");
        boolean queued = false;
        try {
            ImportOptions o = new ImportOptions();
            o.kind = kind;
            for (MultipartFile f : files) {
                o.files.add(save(f, dir));
            }
            o.mapping = mapping == null || mapping.isEmpty() ? null : save(mapping, dir);
            o.dataset = dataset;
            o.title = title;
            o.source = source != null ? source : "upload: " + String.join(", ",
                    files.stream().map(MultipartFile::getOriginalFilename).toList());
            o.licence = licence;
            o.attribution = attribution;
            o.layer = layer;
            o.as = as == null || as.isBlank() ? null : as;
            o.osmFilter = osmFilter == null || osmFilter.isBlank() ? null : osmFilter;
            o.sourceLayer = sourceLayer;
            o.countries = countries;
            o.minPopulation = minPopulation;
            o.clustersFromOsm = clustersFromOsm;
            o.skipInvalid = skipInvalid;
            o.synthetic = synthetic;
            o.coverage = coverageSpec(coverage, dir);
            o.boundaries = boundaries == null || boundaries.isEmpty() ? null : save(boundaries, dir);
            o.boundariesField = boundariesField;
            o.crs = blankAsNull(crs);
            o.ramp = blankAsNull(ramp);
            o.elevation = blankAsNull(elevation);
            o.elevationAttribute = blankAsNull(elevationAttribute);
            o.elevationDefault = blankAsNull(elevationDefault);
            o.elevationMultiple = ImportOptions.yesNo(elevationMultiple, "elevationMultiple");
            o.elevationNearest = ImportOptions.yesNo(elevationNearest, "elevationNearest");
            o.timeAttribute = blankAsNull(timeAttribute);
            o.time = blankAsNull(time);
            o.timeDefault = blankAsNull(timeDefault);
            o.timeMultiple = ImportOptions.yesNo(timeMultiple, "timeMultiple");
            o.timeNearest = ImportOptions.yesNo(timeNearest, "timeNearest");
            ImportJobs.Work work = prepare(o);
            if (!async && !respondAsync(prefer)) {
                return ResponseEntity.status(HttpStatus.CREATED).body(work.run(ImportProgress.NONE));
            }
            ImportJob job = jobs.submit(work, () -> deleteUpload(dir));
            queued = true;
            ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted()
                    .location(URI.create(ImportJobController.PATH + "/" + job.id));
            if (respondAsync(prefer)) {
                accepted.header("Preference-Applied", "respond-async");
            }
            return accepted.body(job.json());
        } finally {
            if (!queued) {
                FileSystemUtils.deleteRecursively(dir);
            }
        }
    }

    private static void deleteUpload(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // a temporary folder left behind; the system's own clean-up of its temporary files takes it
        }
    }

    /** RFC 7240: {@code Prefer: respond-async}, alone or among other preferences. */
    private static boolean respondAsync(String prefer) {
        return prefer != null && java.util.Arrays.stream(prefer.split("[,;]"))
                .anyMatch(p -> p.strip().equalsIgnoreCase("respond-async"));
    }

    /**
     * The import the options ask for, checked now (bad options are a 400 before anything is queued) and run later,
     * giving the body the upload answers with.
     */
    private ImportJobs.Work prepare(ImportOptions o) throws IOException {
        if (o.isRegisterRestore()) {
            Path file = o.registerFile();
            boolean skipInvalid = o.skipInvalid;
            return progress -> {
                RegisterRestore.Result r = registerRestore.run(file, skipInvalid);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("restored", r.clustersByDataset());
                body.put("datasets", Map.of("made", r.datasetsMade(), "changed", r.datasetsChanged()));
                body.put("interventions", Map.of("rows", r.interventions(), "changed", r.interventionVersions()));
                body.put("seconds", r.took().toMillis() / 1000.0);
                body.put("report", ApiExceptionHandler.report(r.report()));
                return body;
            };
        }
        if (o.isRaster()) {
            RasterImporter.Request request = o.toRasterRequest();
            return progress -> {
                RasterImporter.Result r = rasterImporter.run(request);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("layer", Json.rasterLayer(r.layer()));
                body.put("seconds", r.took().toMillis() / 1000.0);
                return body;
            };
        }
        if (o.isContextLayer()) {
            ContextLayerImporter.Request request = o.toContextRequest();
            return progress -> {
                ContextLayerImporter.Result r = contextImporter.run(request, progress);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("layer", Json.contextLayer(r.layer()));
                body.put("seconds", r.took().toMillis() / 1000.0);
                body.put("report", ApiExceptionHandler.report(r.report()));
                return body;
            };
        }
        ImportRequest request = o.toRequest();
        return progress -> {
            Importer.Result r = importer.run(request, progress);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dataset", Json.dataset(r.dataset()));
            body.put("seconds", r.took().toMillis() / 1000.0);
            body.put("report", ApiExceptionHandler.report(r.report()));
            return body;
        };
    }

    /**
     * A box or {@code countries:} codes as given, or GeoJSON text saved to a file for {@link ImportOptions#coverage};
     * null when absent. Never a path: an upload names no file on the server.
     */
    private static String coverageSpec(String coverage, Path dir) throws IOException {
        if (coverage == null || coverage.isBlank()) {
            return null;
        }
        if (!coverage.trim().startsWith("{")) {
            if (!coverage.matches("\\s*[-+0-9.]+\\s*(,\\s*[-+0-9.]+\\s*){3}")
                    && !coverage.matches("(?i)\\s*countr(y|ies):[A-Za-z, ]+")) {
                throw ApiException.badRequest("coverage must be minLon,minLat,maxLon,maxLat, GeoJSON polygons or"
                        + " countries:CODE,CODE with a boundaries file");
            }
            return coverage;
        }
        Path file = dir.resolve("coverage.geojson");
        Files.writeString(file, coverage);
        return file.toString();
    }

    @DeleteMapping("/layers/{name}")
    ResponseEntity<Void> deleteLayer(@PathVariable String name) {
        if (!store.contextLayers().delete(name) && !store.rasterLayers().delete(name)) {
            throw ApiException.notFound("no layer '" + name + "' of your own (built-in layers go with their datasets)");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Stores an SLD as the layer's map style (the GeoServer convention: one document per layer), checked first so a
     * style that cannot be drawn is refused with what is wrong. XML without a charset is read as UTF-8.
     */
    @PutMapping(path = "/layers/{name}/style", consumes = {SLD, "application/xml", "text/xml"})
    Map<String, Object> putStyle(@PathVariable String name, @RequestBody byte[] body) {
        if (store.contextLayers().layer(name).isEmpty()) {
            throw ApiException.notFound("no layer '" + name + "' of your own; styles are for imported layers");
        }
        String sld = new String(body, StandardCharsets.UTF_8);
        UserStyle style;
        try {
            style = SldParser.parse(sld).styleFor(name);
        } catch (SldException e) {
            throw ApiException.badRequest("the style is refused: " + e.getMessage());
        }
        if (!store.contextLayers().setStyle(name, sld)) {
            throw ApiException.notFound("no layer '" + name + "' of your own");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", name);
        m.put("style", style.nameFor(name));
        m.put("title", style.displayTitle());
        m.put("rules", style.featureTypeStyles().stream().mapToInt(List::size).sum());
        return m;
    }

    /** Back to the default look of its geometry. */
    @DeleteMapping("/layers/{name}/style")
    ResponseEntity<Void> deleteStyle(@PathVariable String name) {
        if (!store.contextLayers().setStyle(name, null)) {
            throw ApiException.notFound("no layer '" + name + "' of your own");
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/datasets/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!store.deleteDataset(id)) {
            throw ApiException.notFound("no dataset '" + id + "'");
        }
        return ResponseEntity.noContent().build();
    }

    /** Keeps the uploaded file's own name (readers name it in problem reports), minus any path. */
    private static Path save(MultipartFile f, Path dir) throws IOException {
        String name = f.getOriginalFilename() == null ? "upload" : Path.of(f.getOriginalFilename()).getFileName().toString();
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = dir.resolve(name);
        for (int i = 1; Files.exists(target); i++) {
            target = dir.resolve(i + "_" + name);
        }
        try (InputStream in = f.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
