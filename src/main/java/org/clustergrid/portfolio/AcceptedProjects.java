package org.clustergrid.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clustergrid.filter.Literals;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.PortfolioRows;
import org.clustergrid.scenario.Intervention;

/**
 * A portfolio's picks as rows of the Intervention grid: for each accepted project one row per cluster it helps, all
 * with the same project key and the project's whole cost, so a shared project can be counted once. The key is the
 * candidate's id for a candidate made from the gaps (its id names its cluster or town, the same on every run); for a
 * given one, whose id only has to be unique within one request, the id followed by a fingerprint of what is built
 * where, so that the same project sent again is recognised and another one under a reused id is not.
 */
public final class AcceptedProjects {
    private AcceptedProjects() {}

    /**
     * The rows accepting {@code pickIds} (null: every pick) writes.
     *
     * @throws RegisterException naming {@code picks} for an id that is not one of the portfolio's picks
     */
    public static List<PortfolioRows.Planned> rows(Portfolio p, List<String> pickIds) {
        List<Portfolio.Pick> chosen = chosen(p, pickIds);
        List<PortfolioRows.Planned> out = new ArrayList<>();
        for (Portfolio.Pick pick : chosen) {
            Candidate c = pick.candidate();
            String project = project(c);
            BigDecimal budget = BigDecimal.valueOf(c.cost()).setScale(2, RoundingMode.HALF_UP);
            for (Portfolio.ClusterGain g : pick.clusters()) {
                out.add(new PortfolioRows.Planned(g.clusterGridId(), project, title(c.intervention()), budget,
                        p.currency(), notes(p, pick, project, g)));
            }
        }
        return out;
    }

    private static List<Portfolio.Pick> chosen(Portfolio p, List<String> pickIds) {
        if (pickIds == null) {
            return p.picks();
        }
        Set<String> wanted = new LinkedHashSet<>(pickIds);
        if (wanted.isEmpty()) {
            throw RegisterException.badInput("picks", "is empty; name the picks to accept, or leave it out for all");
        }
        List<String> ids = p.picks().stream().map(x -> x.candidate().id()).toList();
        for (String id : wanted) {
            if (!ids.contains(id)) {
                throw RegisterException.badInput("picks", "'" + Literals.excerpt(id) + "' is not a pick of this portfolio;"
                        + " its picks are " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
            }
        }
        return p.picks().stream().filter(x -> wanted.contains(x.candidate().id())).toList();
    }

    /** The key the rows of this project share. */
    static String project(Candidate c) {
        String id = c.id();
        if (!"given".equals(c.origin()) && id.length() <= 100 && PortfolioRows.PROJECT.matcher(id).matches()) {
            return id;
        }
        String slug = id.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        slug = slug.substring(0, Math.min(slug.length(), 60));
        return (slug.isEmpty() ? "project" : slug) + "~" + fingerprint(c.intervention());
    }

    /** Eight hex digits of a hash of what is built where: kind, geometry, roads and attributes, not name or cost. */
    private static String fingerprint(Intervention x) {
        String what = String.join("|", x.kind().id(), x.geometry() == null ? "" : x.geometry().toText(),
                String.join(",", x.roadIds()), String.valueOf(x.roadClass()), String.valueOf(x.surface()),
                String.valueOf(x.voltageKv()), String.valueOf(x.financeType()), String.valueOf(x.marketKind()),
                String.valueOf(x.population()));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The intervention in a planner's words, with its name when it has one. */
    static String title(Intervention x) {
        String kind = kind(x, false);
        String words = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        return x.name() == null || x.name().isBlank() ? words : words + ": " + x.name().strip();
    }

    /** What the project is, its cost and basis, how many clusters share it and this cluster's expected gain. */
    private static String notes(Portfolio p, Portfolio.Pick pick, String project, Portfolio.ClusterGain g) {
        Candidate c = pick.candidate();
        int shared = pick.clusters().size();
        String measure = p.objective() == Objective.PRIORITY ? "priority gain" : "gap closed";
        String text = String.format(Locale.ROOT, "Accepted portfolio project %s (candidate %s, %s): %s. Cost"
                + " %,.2f %s (%s). ", project, c.id(), c.origin(), kind(c.intervention(), true), c.cost(),
                p.currency(), c.basis())
                + (shared == 1 ? "Helps this cluster only. " : String.format(Locale.ROOT, "Shared by %d clusters:"
                        + " the budget is the whole project's and repeats on each of its %d rows (project %s);"
                        + " count it once. ", shared, shared, project))
                + String.format(Locale.ROOT, "Expected %s at this cluster: %.2f of the project's %.2f (objective"
                        + " %s, portfolio of %d picks for %,.0f %s).", measure, g.gain(), pick.gain(),
                        p.objective().id(), p.picks().size(), p.budget(), p.currency());
        return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

    /** The kind of project in words, with what sets it apart (voltage, type of point), and its name when asked. */
    public static String kind(Intervention i, boolean named) {
        return switch (i.kind()) {
            case UPGRADE_ROAD -> "road upgrade" + (i.roadClass() == null ? "" : " to " + i.roadClass());
            case NEW_ROAD -> "new road" + (i.roadClass() == null ? "" : " (" + i.roadClass() + ")");
            case NEW_POWER_LINE -> "new power line" + (i.voltageKv() == null ? "" : ", " + i.voltageKv() + " kV");
            case NEW_SUBSTATION -> "new substation";
            case FINANCE_POINT -> "new " + (i.financeType() == null ? "finance point"
                    : i.financeType().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            case MARKET -> "new market" + (i.marketKind() == null ? ""
                    : " (" + i.marketKind().name().toLowerCase(Locale.ROOT) + ")");
        } + (!named || i.name() == null || i.name().isBlank() ? "" : " “" + i.name() + "”");
    }
}
