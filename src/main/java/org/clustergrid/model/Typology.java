package org.clustergrid.model;

/**
 * Das's cluster typology: what kind of cluster it is and whether it is rural or urban. Either part may be
 * unknown (null).
 */
public record Typology(ClusterType type, Setting setting) {
    public static final Typology UNKNOWN = new Typology(null, null);

    /** Kinds of cluster (Das 2008, "Fostering Competitive Clusters in Asia"). */
    public enum ClusterType {
        HIGH_TECH_KNOWLEDGE("high-tech/knowledge"),
        DYNAMIC_EXPORT("dynamic export-oriented"),
        LOW_TECH_DOMESTIC("low-tech domestic"),
        ARTISANAL_CRAFT("artisanal/craft"),
        SERVICE_BASED("service-based");

        private final String label;

        ClusterType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where the cluster lies. */
    public enum Setting {
        RURAL,
        URBAN
    }
}
