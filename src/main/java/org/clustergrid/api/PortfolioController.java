package org.clustergrid.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clustergrid.app.ScenarioService;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.filter.Literals;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.portfolio.PortfolioOutput;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioReader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Portfolios over HTTP (analysts): the candidates a budget buys first, from a GeoJSON of candidate projects written
 * as a scenario's interventions and, with {@code generate=true}, those made from the gaps; JSON, or the picks or the
 * curve as CSV. Nothing is stored. See docs/portfolios.md.
 */
@RestController
@RequestMapping("/api/portfolios")
class PortfolioController {
    private final ScenarioService scenarios;
    private final BoundedWork work;

    PortfolioController(ScenarioService scenarios, BoundedWork work) {
        this.scenarios = scenarios;
        this.work = work;
    }

    @PostMapping(consumes = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    DeferredResult<ResponseEntity<?>> choose(@RequestBody(required = false) String geojson,
            @RequestParam(required = false) String budget, @RequestParam(defaultValue = "priority") String objective,
            @RequestParam(defaultValue = "json") String f, @RequestParam(defaultValue = "false") String generate) {
        if (!List.of("true", "false").contains(generate)) {
            throw ApiException.badRequest("generate must be true or false, not '" + Literals.excerpt(generate) + "'");
        }
        boolean made = generate.equals("true");
        boolean empty = geojson == null || geojson.isBlank();
        if (empty && !made) {
            throw ApiException.badRequest("the body is empty; send the candidates as a GeoJSON FeatureCollection, or"
                    + " ask for candidates made from the gaps with generate=true");
        }
        if (!List.of("json", "csv", "curve").contains(f)) {
            throw ApiException.badRequest("f must be json, csv or curve, not '" + Literals.excerpt(f) + "'");
        }
        double amount = amount(budget);
        Objective goal;
        try {
            goal = Objective.of(objective);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().replace(objective, Literals.excerpt(objective)));
        }
        Scenario candidates = empty ? null : ScenarioReader.read(geojson, "candidates");
        return work.submit(() -> {
            Portfolio p = scenarios.portfolio(candidates, made, scenarios.costs(), amount, goal);
            return switch (f) {
                case "csv" -> csv(PortfolioOutput.picksCsv(p), "portfolio.csv");
                case "curve" -> csv(PortfolioOutput.curveCsv(p), "portfolio-curve.csv");
                default -> ResponseEntity.ok(PortfolioOutput.json(p));
            };
        });
    }

    /** The budget parameter as an amount; a 400 naming it when missing or not a number. */
    static double amount(String budget) {
        if (budget == null || budget.isBlank()) {
            throw ApiException.badRequest("budget: missing; give what may be spent, in the cost profile's currency");
        }
        try {
            return Double.parseDouble(budget.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("budget: '" + Literals.excerpt(budget) + "' is not a number");
        }
    }

    private static ResponseEntity<?> csv(String body, String file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
