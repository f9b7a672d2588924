package org.clustergrid.api;

import java.util.List;
import org.clustergrid.app.PortfolioReportService;
import org.clustergrid.app.ScenarioService;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.filter.Literals;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.report.Paper;
import org.clustergrid.report.PortfolioReportFormat;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioException;
import org.clustergrid.scenario.ScenarioReader;
import org.clustergrid.store.StoredScenario;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The portfolio report over HTTP (analysts, as the portfolio API): {@code POST /api/reports/portfolios} with the
 * inputs of {@code POST /api/portfolios} — the budget, the objective, {@code generate}, the candidates as the body or
 * a stored scenario's by {@code scenario=ID} — and {@code f=html|pdf|csv|clusters-csv}, {@code paper=a4|letter}.
 * Chosen and laid out on the bounded pool; nothing is stored. See docs/reports.md.
 */
@RestController
@RequestMapping("/api/reports/portfolios")
class PortfolioReportController {
    private final PortfolioReportService reports;
    private final ScenarioService scenarios;
    private final BoundedWork work;

    PortfolioReportController(PortfolioReportService reports, ScenarioService scenarios, BoundedWork work) {
        this.reports = reports;
        this.scenarios = scenarios;
        this.work = work;
    }

    @PostMapping(consumes = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    DeferredResult<ResponseEntity<byte[]>> report(@RequestBody(required = false) String geojson,
            @RequestParam(required = false) String budget, @RequestParam(defaultValue = "priority") String objective,
            @RequestParam(defaultValue = "false") String generate, @RequestParam(required = false) String scenario,
            @RequestParam(defaultValue = "html") String f, @RequestParam(defaultValue = "a4") String paper) {
        PortfolioReportFormat format = PortfolioReportFormat.of(f).orElseThrow(() -> ApiException.badRequest(
                "f must be " + PortfolioReportFormat.names() + ", not '" + Literals.excerpt(f) + "'"));
        Paper size = Paper.of(paper).orElseThrow(() -> ApiException.badRequest("paper must be " + Paper.names()
                + ", not '" + Literals.excerpt(paper) + "'"));
        if (!List.of("true", "false").contains(generate)) {
            throw ApiException.badRequest("generate must be true or false, not '" + Literals.excerpt(generate) + "'");
        }
        boolean made = generate.equals("true");
        boolean body = geojson != null && !geojson.isBlank();
        if (body && scenario != null) {
            throw ApiException.badRequest("scenario: give the candidates either as the body or as a stored scenario's"
                    + " id, not both");
        }
        if (!body && scenario == null && !made) {
            throw ApiException.badRequest("the body is empty and no scenario is named; send the candidates as a"
                    + " GeoJSON FeatureCollection, name a stored scenario with scenario=ID, or ask for candidates made"
                    + " from the gaps with generate=true");
        }
        double amount = PortfolioController.amount(budget);
        if (!(amount > 0) || Double.isInfinite(amount)) {
            // refused before any candidate is weighed, in the planner's words
            throw new ScenarioException("no portfolio", List.of("budget: " + amount + " is not an amount above 0 (in "
                    + scenarios.costs().currency() + ")"));
        }
        Objective goal;
        try {
            goal = Objective.of(objective);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().replace(objective, Literals.excerpt(objective)));
        }
        Scenario given = null;
        String givenFrom = null;
        if (scenario != null) {
            StoredScenario stored = scenarios.get(scenario).orElseThrow(() -> ApiException.notFound("scenario: no"
                    + " stored scenario with id '" + Literals.excerpt(scenario) + "'"));
            given = ScenarioReader.read(stored.geojson(), stored.name());
            givenFrom = "scenario '" + stored.name() + "'";
        } else if (body) {
            given = ScenarioReader.read(geojson, "candidates");
            givenFrom = "the GeoJSON sent";
        }
        PortfolioReportService.Request request = new PortfolioReportService.Request(given, givenFrom, made,
                scenarios.costs(), amount, goal);
        return work.submit(() -> {
            byte[] bytes = reports.bytes(request, format, size);
            String disposition = format == PortfolioReportFormat.HTML || format == PortfolioReportFormat.PDF
                    ? "inline" : "attachment";
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()))
                    .header("Content-Disposition", disposition + "; filename=\"portfolio-report" + format.suffix()
                            + "\"")
                    .body(bytes);
        });
    }
}
