package org.clustergrid.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.clustergrid.app.ScenarioService;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.filter.Literals;
import org.clustergrid.portfolio.AcceptedProjects;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.register.Author;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.InterventionGrid;
import org.clustergrid.register.interventions.PortfolioRows;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioReader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Accepting a portfolio's projects into the Intervention grid (editors): the portfolio is chosen again here from the
 * same inputs as {@code POST /api/portfolios} — never taken from the client — and its picks (all, or those named in
 * {@code picks}) written as rows of origin portfolio, one per project and cluster it helps, in one transaction. See
 * docs/intervention-grid.md, "Portfolio rows".
 */
@RestController
class PortfolioAcceptController {
    private final ScenarioService scenarios;
    private final BoundedWork work;
    private final InterventionGrid grid;

    PortfolioAcceptController(ScenarioService scenarios, BoundedWork work, InterventionGrid grid) {
        this.scenarios = scenarios;
        this.work = work;
        this.grid = grid;
    }

    @PostMapping(path = "/api/portfolios/accept", consumes = {"application/geo+json",
            MediaType.APPLICATION_JSON_VALUE})
    DeferredResult<ResponseEntity<?>> accept(@RequestBody(required = false) String geojson,
            @RequestParam(required = false) String budget, @RequestParam(defaultValue = "priority") String objective,
            @RequestParam(defaultValue = "false") String generate, @RequestParam(required = false) List<String> picks,
            @RequestParam(required = false) String comment, HttpServletRequest request) {
        if (!List.of("true", "false").contains(generate)) {
            throw RegisterException.badInput("generate", "must be true or false, not '" + Literals.excerpt(generate)
                    + "'");
        }
        boolean made = generate.equals("true");
        boolean empty = geojson == null || geojson.isBlank();
        if (empty && !made) {
            throw RegisterException.badInput("body", "is empty; send the candidates as a GeoJSON FeatureCollection,"
                    + " or ask for candidates made from the gaps with generate=true");
        }
        double amount = field("budget", () -> PortfolioController.amount(budget));
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw RegisterException.badInput("budget", amount + " is not an amount above 0 (in "
                    + scenarios.costs().currency() + ")");
        }
        Objective goal = field("objective", () -> Objective.of(objective));
        Author by = author(request, comment); // on the request's thread, where the caller is known
        Scenario candidates = empty ? null : ScenarioReader.read(geojson, "candidates");
        return work.submit(() -> {
            Portfolio p = scenarios.portfolio(candidates, made, scenarios.costs(), amount, goal);
            List<PortfolioRows.Planned> rows = AcceptedProjects.rows(p, picks);
            PortfolioRows.Outcome done = grid.accept(rows, by);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("picks", p.picks().stream().map(x -> x.candidate().id())
                    .filter(id -> picks == null || picks.contains(id)).toList());
            out.put("cost", p.cost());
            out.put("currency", p.currency());
            out.put("written", done.written());
            out.put("skipped", done.skipped());
            return ResponseEntity.ok(out);
        });
    }

    @ExceptionHandler(RegisterException.class)
    ResponseEntity<Map<String, Object>> refused(RegisterException e) {
        return RegisterErrors.response(e);
    }

    /** The Change-Comment header, else the {@code comment} parameter. */
    private static Author author(HttpServletRequest request, String comment) {
        Author a = ChangeAuthor.of(request);
        return a.comment() == null && comment != null ? new Author(a.actor(), a.via(), comment) : a;
    }

    /** A parameter read as the portfolio endpoint reads it, its refusal naming the field. */
    private static <T> T field(String name, Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiException | IllegalArgumentException e) {
            String m = e.getMessage();
            throw RegisterException.badInput(name, m.startsWith(name + ": ") ? m.substring(name.length() + 2) : m);
        }
    }
}
