package org.clustergrid.ingest.osm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.PowerFeature.PowerKind;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.model.RoadRules;

/**
 * Which OSM tags make which ClusterGrid feature, and how tag values are read. Pure functions of the tags, kept apart
 * from file reading and geometry so the rules can be read (and tested) on their own.
 *
 * <p>Finance rules, first match wins:
 *
 * <ol>
 *   <li>{@code amenity=mobile_money_agent} or {@code shop=mobile_money} → MOBILE_MONEY_AGENT
 *   <li>{@code shop=money_lender} or {@code amenity=money_lender} → INFORMAL_CREDIT
 *   <li>{@code amenity=bank} or {@code office=financial}: {@code bank}/{@code financial} tag naming a cooperative
 *       or credit union, or a name/operator/brand containing "cooperative", "co-operative", "sahakari", "credit
 *       union" or "savings and credit" → CREDIT_COOPERATIVE; a tag or name saying "microfinance" / "laghubitta"
 *       (Nepali for microfinance) → MICROFINANCE; otherwise a bank is BANK and an {@code office=financial} is
 *       MICROFINANCE (in the low-income countries ClusterGrid serves, most such offices are MFIs)
 *   <li>{@code amenity=atm} → ATM; {@code amenity=bureau_de_change} → BUREAU_DE_CHANGE
 * </ol>
 *
 * <p>Market kinds, first match wins: {@code place=city|town|village}, {@code aeroway=aerodrome} → AIRPORT,
 * {@code landuse=port}, {@code harbour=yes} or {@code industrial=port} → PORT, {@code amenity=marketplace}.
 */
final class OsmTagRules {
    private OsmTagRules() {}

    private static final Pattern COOPERATIVE =
            Pattern.compile("co-?operative|sahakari|credit union|savings (and|&) credit|saccos?\\b");
    private static final Pattern MICROFINANCE = Pattern.compile("micro ?finance|laghubitta|laghu bitta");
    private static final Pattern VOLTAGE = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(kv|v)?");
    private static final Pattern OUTPUT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(gw|mw|kw|w)");

    // ---- roads

    static boolean isRoad(Map<String, String> tags) {
        return tags.containsKey("highway");
    }

    /** Paving by the shared road rules, from the way's surface, tracktype and smoothness tags. */
    static Paving paving(Map<String, String> tags) {
        return RoadRules.pavingOf(tags.get("surface"), tags.get("tracktype"), tags.get("smoothness"));
    }

    // ---- power

    /** The power kind for {@code power=*}, or null when the value is not imported (tower, pole, portal …). */
    static PowerKind powerKind(Map<String, String> tags) {
        String v = tags.get("power");
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "line" -> PowerKind.LINE;
            case "minor_line" -> PowerKind.MINOR_LINE;
            case "cable" -> PowerKind.CABLE;
            case "substation" -> PowerKind.SUBSTATION;
            case "transformer" -> PowerKind.TRANSFORMER;
            case "plant" -> PowerKind.PLANT;
            case "generator" -> PowerKind.GENERATOR;
            default -> null;
        };
    }

    /**
     * Voltages in volts from a {@code ;}-separated list ("132000;33000", "11 kV"). Parts that cannot be read are
     * passed to {@code bad} and left out.
     */
    static List<Integer> voltages(String value, Consumer<String> bad) {
        List<Integer> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(";")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = VOLTAGE.matcher(p);
            if (!m.matches()) {
                bad.accept(part.trim());
                continue;
            }
            double volts = Double.parseDouble(m.group(1).replace(',', '.')) * ("kv".equals(m.group(2)) ? 1000 : 1);
            if (volts <= 0 || volts > Integer.MAX_VALUE) {
                bad.accept(part.trim());
            } else {
                out.add((int) Math.round(volts));
            }
        }
        return out;
    }

    /**
     * Generating capacity in MW from {@code plant:output:electricity} (else {@code generator:output:electricity}):
     * "30 MW", "500 kW". "yes" and absent values give null silently; other values go to {@code bad}.
     */
    static Double capacityMw(Map<String, String> tags, Consumer<String> bad) {
        String key = tags.containsKey("plant:output:electricity")
                ? "plant:output:electricity"
                : "generator:output:electricity";
        String value = lower(tags.get(key));
        if (value == null || value.equals("yes")) {
            return null;
        }
        Matcher m = OUTPUT.matcher(value.trim());
        if (!m.matches()) {
            bad.accept(key);
            return null;
        }
        double n = Double.parseDouble(m.group(1).replace(',', '.'));
        return switch (m.group(2)) {
            case "gw" -> n * 1000;
            case "mw" -> n;
            case "kw" -> n / 1000;
            default -> n / 1_000_000;
        };
    }

    // ---- finance

    /** The finance type, or null when the tags describe no finance access point. */
    static FinanceType financeType(Map<String, String> tags) {
        String amenity = tags.get("amenity");
        String shop = tags.get("shop");
        if ("mobile_money_agent".equals(amenity) || "mobile_money".equals(shop)) {
            return FinanceType.MOBILE_MONEY_AGENT;
        }
        if ("money_lender".equals(shop) || "money_lender".equals(amenity)) {
            return FinanceType.INFORMAL_CREDIT;
        }
        boolean bank = "bank".equals(amenity);
        if (bank || "financial".equals(tags.get("office"))) {
            String kind = lower(tags.getOrDefault("bank", tags.get("financial")));
            String names = lower(String.join(" | ", tags.getOrDefault("name", ""), tags.getOrDefault("name:en", ""),
                    tags.getOrDefault("operator", ""), tags.getOrDefault("brand", "")));
            if ((kind != null && (kind.contains("cooperative") || kind.contains("credit_union")))
                    || COOPERATIVE.matcher(names).find()) {
                return FinanceType.CREDIT_COOPERATIVE;
            }
            if ((kind != null && kind.contains("microfinance")) || MICROFINANCE.matcher(names).find()) {
                return FinanceType.MICROFINANCE;
            }
            return bank ? FinanceType.BANK : FinanceType.MICROFINANCE;
        }
        if ("atm".equals(amenity)) {
            return FinanceType.ATM;
        }
        if ("bureau_de_change".equals(amenity)) {
            return FinanceType.BUREAU_DE_CHANGE;
        }
        return null;
    }

    // ---- markets

    /** The market kind, or null. */
    static MarketKind marketKind(Map<String, String> tags) {
        String place = tags.get("place");
        if (place != null) {
            switch (place) {
                case "city":
                    return MarketKind.CITY;
                case "town":
                    return MarketKind.TOWN;
                case "village":
                    return MarketKind.VILLAGE;
                default:
                    break;
            }
        }
        if ("aerodrome".equals(tags.get("aeroway"))) {
            return MarketKind.AIRPORT;
        }
        if ("port".equals(tags.get("landuse")) || "yes".equals(tags.get("harbour"))
                || "port".equals(tags.get("industrial"))) {
            return MarketKind.PORT;
        }
        if ("marketplace".equals(tags.get("amenity"))) {
            return MarketKind.MARKETPLACE;
        }
        return null;
    }

    /** Population from "12000", "12,000" or "12 000"; null when absent, {@code bad} is told when unreadable. */
    static Long population(String value, Runnable bad) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.trim().replaceAll("[,\\s\\u00a0\\u202f'_]", "");
        if (!digits.matches("\\d{1,15}")) {
            bad.run();
            return null;
        }
        return Long.parseLong(digits);
    }

    // ---- clusters

    static boolean isIndustrialArea(Map<String, String> tags) {
        return "industrial".equals(tags.get("landuse"));
    }

    static boolean isCraft(Map<String, String> tags) {
        String craft = tags.get("craft");
        return craft != null && !craft.equals("no");
    }

    /** Whether the tags make any feature at all: the cheap test the passes use to decide what to keep. */
    static boolean isOfInterest(Map<String, String> tags, OsmImportOptions options) {
        if (tags.isEmpty()) {
            return false;
        }
        return isRoad(tags) || powerKind(tags) != null || financeType(tags) != null || marketKind(tags) != null
                || (options.clustersFromOsm() && (isIndustrialArea(tags) || isCraft(tags)));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
