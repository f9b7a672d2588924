package org.clustergrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.model.Identification;
import org.clustergrid.model.ProductMarket;

/**
 * The profile's rows of the Identification grid beyond the basics: status and age, products and their markets,
 * informality, associations, support institutions and contact. Whatever the register does not know reads "not
 * known", never 0; the rows are few and short so the profile keeps to two pages.
 */
final class IdentificationGrid {
    static final String NOT_KNOWN = "not known";

    private IdentificationGrid() {}

    static void write(Xhtml x, Identification id) {
        ClusterProfileHtml.fact(x, "Status", status(id), "status");
        ClusterProfileHtml.fact(x, "Products and markets", productMarkets(id.productMarkets()), "product-markets");
        ClusterProfileHtml.fact(x, "Informal enterprises", id.informalShare() == null ? NOT_KNOWN
                : Plain.decimal(id.informalShare(), 1) + "% of enterprises", "informal-share");
        ClusterProfileHtml.fact(x, "Associations", names(id.associations()), "associations");
        ClusterProfileHtml.fact(x, "Support institutions", names(id.supportInstitutions()), "support-institutions");
        ClusterProfileHtml.fact(x, "Contact", contact(id), "contact");
    }

    private static String status(Identification id) {
        if (id.status() == null && id.emergenceYear() == null) {
            return NOT_KNOWN;
        }
        String status = id.status() == null ? "stage not known" : id.status().name().toLowerCase(Locale.ROOT);
        return status + "; " + (id.emergenceYear() == null ? "year of emergence not known"
                : "emerged in " + id.emergenceYear());
    }

    private static String productMarkets(List<ProductMarket> markets) {
        List<String> parts = new ArrayList<>();
        for (ProductMarket m : markets) {
            parts.add(m.product() + " (" + Labels.market(m.market())
                    + (m.share() == null ? "" : ", " + Plain.decimal(m.share(), 1) + "% of output") + ")");
        }
        return parts.isEmpty() ? NOT_KNOWN : String.join("; ", parts);
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? NOT_KNOWN : String.join("; ", names);
    }

    private static String contact(Identification id) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {id.contactOrganisation(), id.contactEmail(), id.contactUrl()}) {
            if (s != null) {
                parts.add(s);
            }
        }
        return parts.isEmpty() ? NOT_KNOWN : String.join(" · ", parts);
    }
}
