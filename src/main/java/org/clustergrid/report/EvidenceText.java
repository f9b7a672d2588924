package org.clustergrid.report;

import java.util.ArrayList;
import java.util.List;
import org.clustergrid.scoring.Evidence;

/** A feature behind an indicator in words: its name (or id), its layer, how far and how long. */
final class EvidenceText {
    private EvidenceText() {}

    static String of(Evidence e) {
        List<String> parts = new ArrayList<>();
        String what = e.name() != null && !e.name().isBlank() ? e.name() : "unnamed " + e.featureId();
        parts.add(what + " (" + e.layer() + ")");
        if (e.metres() != null) {
            parts.add(Plain.metres(e.metres()));
        }
        if (e.seconds() != null) {
            parts.add(Plain.duration(e.seconds()) + " by road");
        }
        return String.join(", ", parts);
    }
}
