package org.clustergrid.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clustergrid.register.interventions.GapSource;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.LayerResult;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;

/**
 * A cluster's indicators by dimension and its shortfalls, as the profile lists them; also the gaps of every cluster
 * of a run for the Intervention grid, so that the grid's computed rows are exactly the profile's gaps.
 */
public final class ProfileGaps {
    private ProfileGaps() {}

    /** The run's gaps of every cluster, each cluster with its representative point, largest gap first. */
    public static GapSource.Run of(ReportContext ctx) {
        ScoringRun run = ctx.run();
        List<GapSource.ClusterGaps> out = new ArrayList<>(run.ranked().size());
        for (int i = 0; i < run.ranked().size(); i++) {
            ClusterScore score = run.ranked().get(i).score();
            StoredFeature stored = ctx.data().clusters().get(i);
            List<GapSource.Gap> gaps = gaps(dimensions(run.profile(), score, run)).stream().map(ProfileGaps::gap)
                    .toList();
            out.add(new GapSource.ClusterGaps(score.id(), ClusterProfileBuilder.anchor(
                    ((org.clustergrid.model.Cluster) stored.feature()).footprint()), gaps));
        }
        return new GapSource.Run(run.id(), run.createdAt(), out);
    }

    /** A shortfall of the profile as the grid takes it. */
    static GapSource.Gap gap(ClusterProfile.GapItem g) {
        return new GapSource.Gap(g.row().id(), g.statement(), g.intervention());
    }

    static List<ClusterProfile.DimensionBlock> dimensions(ScoringProfile p, ClusterScore s, ScoringRun run) {
        List<ClusterProfile.DimensionBlock> out = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            Double target = s.targets().get(d);
            List<IndicatorRow> rows = new ArrayList<>();
            for (IndicatorResult r : s.indicators().values()) {
                if (r.indicator().dimension() == d) {
                    ScoringProfile.IndicatorSpec spec = p.indicators().get(r.indicator());
                    rows.add(IndicatorRow.of(r, spec.weight(), spec.curve(), target));
                }
            }
            for (LayerResult r : s.layerIndicators()) {
                if (r.indicator().dimension() == d) {
                    rows.add(IndicatorRow.of(r, target));
                }
            }
            out.add(new ClusterProfile.DimensionBlock(d, s.dimensions().get(d), target, s.gaps().get(d),
                    s.completeness().getOrDefault(d, 0.0), run.weights().of(d), rows));
        }
        return out;
    }

    /**
     * The shortfalls of the dimensions that miss their target (or are not scored), largest share of the weighted
     * gap first. A dimension score is the weighted mean of its known indicators, so the shares of one dimension sum
     * to its gap times its weight.
     */
    static List<ClusterProfile.GapItem> gaps(List<ClusterProfile.DimensionBlock> blocks) {
        List<ClusterProfile.GapItem> out = new ArrayList<>();
        for (ClusterProfile.DimensionBlock b : blocks) {
            if (b.gap() != null && b.gap() <= 0) {
                continue;
            }
            double knownWeight = b.rows().stream().filter(IndicatorRow::known).mapToDouble(IndicatorRow::weight).sum();
            for (IndicatorRow r : b.rows()) {
                if (r.known() && r.gap() != null && r.gap() > 0 && r.weight() > 0 && knownWeight > 0) {
                    double points = b.weight() * r.weight() / knownWeight * r.gap();
                    out.add(new ClusterProfile.GapItem(r, points, IndicatorWording.statement(r),
                            IndicatorWording.intervention(r)));
                }
            }
        }
        out.sort(Comparator.comparingDouble((ClusterProfile.GapItem g) -> -g.points()));
        return out;
    }
}
