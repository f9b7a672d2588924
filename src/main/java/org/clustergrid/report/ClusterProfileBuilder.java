package org.clustergrid.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Market;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Gathers a {@link ClusterProfile} from a report context: the run's score of the cluster and what surrounds it. */
final class ClusterProfileBuilder {
    private ClusterProfileBuilder() {}

    static ClusterProfile build(ReportContext ctx, String clusterId) {
        Integer position = ctx.position(clusterId);
        if (position == null) {
            throw new UnknownClusterException(clusterId);
        }
        ScoringRun run = ctx.run();
        ScoringRun.Ranked ranked = run.ranked().get(position);
        StoredFeature stored = ctx.data().clusters().get(position);
        Cluster cluster = (Cluster) stored.feature();
        ClusterScore score = ranked.score();
        Provenance provenance = ctx.provenance();
        Point anchor = anchor(cluster.footprint());
        List<AdminAreas.Area> areas = ctx.areas().at(anchor);

        List<ClusterProfile.DimensionBlock> blocks = ProfileGaps.dimensions(run.profile(), score, run);
        List<IndicatorRow> rows = blocks.stream().flatMap(b -> b.rows().stream()).toList();
        List<ClusterMap.EvidenceRef> evidence = new ArrayList<>();
        Map<String, Dataset> evidenceDatasets = new LinkedHashMap<>();
        for (IndicatorRow r : rows) {
            if (r.evidence() != null) {
                evidence.add(new ClusterMap.EvidenceRef(r.title(), r.dimension(), r.evidence()));
                provenance.datasetOfFeature(r.evidence().featureId()).ifPresent(d -> evidenceDatasets.put(d.id(), d));
            }
        }
        ClusterProfile.Identity identity = new ClusterProfile.Identity(clusterId, cluster.name(), cluster.sector(),
                cluster.products(), cluster.typology(), cluster.firms(), cluster.employment(),
                cluster.marketsServed(), anchor.getX(), anchor.getY(), nearestPlace(ctx, anchor),
                areas.stream().map(AdminAreas.Area::label).toList(), cluster.source(),
                provenance.dataset(stored.datasetId()).orElse(null), List.copyOf(evidenceDatasets.values()),
                cluster.identification());
        int byPriority = (int) run.ranked().stream().filter(r -> r.rank() != null).count();
        int byGap = (int) run.ranked().stream().filter(r -> r.gapRank() != null).count();
        ClusterMap.Drawn map = ClusterMap.render(ctx.data(), stored, evidence,
                id -> provenance.dataset(id).map(Provenance::attribution).orElse(null));
        return new ClusterProfile(identity, ranked, new ClusterProfile.Standing(run.ranked().size(), byPriority, byGap),
                blocks, peers(ctx, position, areas), ProfileGaps.gaps(blocks), rows.stream().filter(r -> !r.known()).toList(),
                CandidateProjects.of(ctx.candidates(), clusterId, ctx.costs()), map, provenance);
    }

    /** Where a footprint is placed, as the regions count it: the point, or a point inside the area or line. */
    static Point anchor(Geometry g) {
        return g.getDimension() == 0 ? g.getCentroid() : g.getInteriorPoint();
    }

    /**
     * The cluster beside the clusters of its typology in its region: the first administrative area covering it when
     * one is known, else the data set it came from (an import is usually one region).
     */
    private static PeerComparison peers(ReportContext ctx, int position, List<AdminAreas.Area> areas) {
        StoredFeature self = ctx.data().clusters().get(position);
        var type = ((Cluster) self.feature()).typology().type();
        AdminAreas.Area area = areas.isEmpty() ? null : areas.get(0);
        List<ClusterScore> peers = new ArrayList<>();
        for (int i = 0; i < ctx.data().clusters().size(); i++) {
            StoredFeature f = ctx.data().clusters().get(i);
            Cluster c = (Cluster) f.feature();
            if (!Objects.equals(c.typology().type(), type)) {
                continue;
            }
            boolean inRegion = area != null ? area.geometry().covers(anchor(c.footprint()))
                    : f.datasetId().equals(self.datasetId());
            if (inRegion) {
                peers.add(ctx.run().ranked().get(i).score());
            }
        }
        String where = area != null ? "in " + area.label() : "of data set " + self.datasetId();
        return PeerComparison.of(Labels.typeGroup(type) + " clusters " + where,
                ctx.run().ranked().get(position).score(), peers);
    }

    /** The nearest named market or settlement, with its distance; null when the data have none. */
    private static String nearestPlace(ReportContext ctx, Point at) {
        Market best = null;
        double bestApprox = Double.POSITIVE_INFINITY;
        double cos = Math.cos(Math.toRadians(at.getY()));
        for (StoredFeature f : ctx.data().markets()) {
            Market m = (Market) f.feature();
            if (m.name() == null || m.name().isBlank()) {
                continue;
            }
            double dx = (m.geometry().getX() - at.getX()) * cos;
            double dy = m.geometry().getY() - at.getY();
            double approx = dx * dx + dy * dy; // only to choose; the distance shown is geodesic
            if (approx < bestApprox) {
                bestApprox = approx;
                best = m;
            }
        }
        if (best == null) {
            return null;
        }
        double metres = Geodesic.distance(at.getX(), at.getY(), best.geometry().getX(), best.geometry().getY());
        return Plain.metres(metres) + " from " + best.name() + " ("
                + best.kind().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
