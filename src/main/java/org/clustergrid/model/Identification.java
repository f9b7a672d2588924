package org.clustergrid.model;

import java.util.List;

/**
 * The register's Identification grid beyond the basics a cluster always had: life-cycle status, age, what it sells
 * where, informality, the institutions around it and whom to contact. Every part may be unknown (null or empty).
 *
 * @param emergenceYear the year the cluster emerged
 * @param informalShare percent of the cluster's enterprises that are informal (unregistered), 0–100
 * @param associations names of the business associations present in the cluster
 * @param supportInstitutions names of the support institutions present: BDS providers, training and testing
 *     centres, agencies
 * @param contactOrganisation the organisation to contact about the cluster
 */
public record Identification(
        ClusterStatus status,
        Integer emergenceYear,
        List<ProductMarket> productMarkets,
        Double informalShare,
        List<String> associations,
        List<String> supportInstitutions,
        String contactOrganisation,
        String contactEmail,
        String contactUrl) {

    public static final Identification UNKNOWN =
            new Identification(null, null, List.of(), null, List.of(), List.of(), null, null, null);

    public Identification {
        productMarkets = productMarkets == null ? List.of() : List.copyOf(productMarkets);
        associations = associations == null ? List.of() : List.copyOf(associations);
        supportInstitutions = supportInstitutions == null ? List.of() : List.copyOf(supportInstitutions);
    }
}
