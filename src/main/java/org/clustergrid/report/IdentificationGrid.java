package org.clustergrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.model.Identification;
import org.clustergrid.model.ProductMarket;

/**
 * The profile's rows of the Identification grid beyond the basics: status and age, products and their markets,
 * informality, associations, support institutions and contact. Whatever the register does not know reads "not
 * known", never 0; laid out across the page so the profile keeps to two pages.
 */
final class IdentificationGrid {
    static final String NOT_KNOWN = "not known";

    private IdentificationGrid() {}

    /** A full-width table under the facts, two facts a row; one line when none of it is known. */
    static void write(Xhtml x, Identification id) {
        x.open("table", "class", "facts grid");
        if (id.equals(Identification.UNKNOWN)) {
            x.open("tr").element("th", "Identification grid").element("td", NOT_KNOWN + ": status, year of"
                    + " emergence, products and markets, informal share, associations, support institutions, contact",
                    "class", "grid", "colspan", "3").close("tr");
            x.close("table");
            return;
        }
        x.open("tr");
        cell(x, "Status", status(id), "status");
        cell(x, "Informal enterprises", id.informalShare() == null ? NOT_KNOWN
                : Plain.decimal(id.informalShare(), 1) + "% of enterprises", "informal-share");
        x.close("tr").open("tr");
        cell(x, "Products and markets", productMarkets(id.productMarkets()), "product-markets", "colspan", "3");
        x.close("tr").open("tr");
        cell(x, "Associations", names(id.associations()), "associations");
        cell(x, "Support institutions", names(id.supportInstitutions()), "support-institutions");
        x.close("tr").open("tr");
        cell(x, "Contact", contact(id), "contact", "colspan", "3");
        x.close("tr").close("table");
    }

    private static void cell(Xhtml x, String label, String value, String cls, String... span) {
        String[] attributes = new String[2 + span.length];
        attributes[0] = "class";
        attributes[1] = cls;
        System.arraycopy(span, 0, attributes, 2, span.length);
        x.element("th", label).element("td", value, attributes);
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
