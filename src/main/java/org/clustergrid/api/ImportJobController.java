package org.clustergrid.api;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/imports/jobs/{id}}: how far an upload imported as a job has got, then its report or error.
 * Admins only, like the upload (security.web.AccessRules); ids are random UUIDs, so one cannot be guessed.
 */
@RestController
class ImportJobController {
    static final String PATH = "/api/admin/imports/jobs";
    private final ImportJobs jobs;

    ImportJobController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping(PATH + "/{id}")
    Map<String, Object> job(@PathVariable String id) {
        return jobs.job(id).map(ImportJob::json).orElseThrow(() -> ApiException.notFound("no import job '"
                + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "' (jobs are kept in memory, the last "
                + ImportJobs.KEPT + ", until the server stops)"));
    }
}
