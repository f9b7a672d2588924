package org.clustergrid.model;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.clustergrid.model.LayerProperties.FieldException;

/**
 * The Identification grid's canonical properties ({@link Identification}) to and from a property map, with the
 * checks an import and an edit share. Lists come as lists (parsed JSON arrays) or as text: names separated by
 * {@code ;}, and product markets as {@code product:market[:share]} separated by {@code ;}.
 */
final class IdentificationFields {
    /** Most items a list may have. */
    static final int MAX_ITEMS = 100;
    /** Longest name (product, association, institution) in a list. */
    static final int MAX_NAME = 1_000;
    /** How far the shares of product markets may sum above 100 (rounded figures). */
    static final double SHARE_TOLERANCE = 0.5;
    static final int FIRST_YEAR = 1000;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");
    private static final Set<String> PRODUCT_MARKET_KEYS = Set.of("product", "market", "share");

    private IdentificationFields() {}

    static void put(Map<String, Object> p, Identification id) {
        p.put("status", LayerProperties.lower(id.status()));
        p.put("emergence_year", id.emergenceYear());
        List<Object> markets = new ArrayList<>();
        for (ProductMarket m : id.productMarkets()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("product", m.product());
            item.put("market", LayerProperties.lower(m.market()));
            if (m.share() != null) {
                item.put("share", m.share());
            }
            markets.add(item);
        }
        p.put("product_markets", listOrNull(markets));
        p.put("informal_share", id.informalShare());
        p.put("associations", listOrNull(id.associations()));
        p.put("support_institutions", listOrNull(id.supportInstitutions()));
        p.put("contact_organisation", id.contactOrganisation());
        p.put("contact_email", id.contactEmail());
        p.put("contact_url", id.contactUrl());
    }

    static Identification read(LayerProperties.Values v) {
        Integer year = v.integer("emergence_year");
        int now = Year.now().getValue();
        if (year != null && (year < FIRST_YEAR || year > now)) {
            throw new FieldException("emergence_year", "year " + year + " is outside " + FIRST_YEAR + " to " + now);
        }
        Double informal = v.decimal("informal_share");
        if (informal != null && !(informal >= 0 && informal <= 100)) {
            throw new FieldException("informal_share", "value " + informal + " is not a percent from 0 to 100");
        }
        String email = v.text("contact_email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new FieldException("contact_email", "'" + email + "' is not an e-mail address");
        }
        String url = v.text("contact_url");
        if (url != null && !URL.matcher(url).matches()) {
            throw new FieldException("contact_url", "'" + url + "' is not an http:// or https:// address");
        }
        return new Identification(v.enumValue("status", ClusterStatus.class), year, productMarkets(v), informal,
                names(v, "associations"), names(v, "support_institutions"), v.text("contact_organisation"), email,
                url);
    }

    private static JsonList listOrNull(List<?> items) {
        return items.isEmpty() ? null : new JsonList(items);
    }

    private static List<Object> items(LayerProperties.Values v, String field) {
        Object o = v.props().get(field);
        List<Object> items = new ArrayList<>();
        if (o instanceof List<?> list) {
            items.addAll(list);
        } else {
            String s = v.text(field);
            if (s != null) {
                for (String part : s.split(";")) {
                    if (!part.isBlank()) {
                        items.add(part.trim());
                    }
                }
            }
        }
        if (items.size() > MAX_ITEMS) {
            throw new FieldException(field, "has " + items.size() + " items, more than the " + MAX_ITEMS + " allowed");
        }
        return items;
    }

    private static List<String> names(LayerProperties.Values v, String field) {
        List<String> out = new ArrayList<>();
        List<Object> items = items(v, field);
        for (int i = 0; i < items.size(); i++) {
            out.add(name(field, i, items.get(i), "a name"));
        }
        return out;
    }

    private static String name(String field, int i, Object item, String what) {
        if (!(item instanceof String s) || s.isBlank()) {
            throw new FieldException(field, "item " + (i + 1) + " is not " + what + " (found " + item + ")");
        }
        if (s.length() > MAX_NAME) {
            throw new FieldException(field, "item " + (i + 1) + " is " + s.length() + " characters long, more than"
                    + " the " + MAX_NAME + " allowed");
        }
        return s.trim();
    }

    private static List<ProductMarket> productMarkets(LayerProperties.Values v) {
        String field = "product_markets";
        List<ProductMarket> out = new ArrayList<>();
        double sum = 0;
        List<Object> items = items(v, field);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = productMarket(field, i, items.get(i));
            String where = "item " + (i + 1) + ": ";
            LayerProperties.Values parts = new LayerProperties.Values(item);
            MarketScope market;
            Double share;
            try {
                market = parts.requiredEnum("market", MarketScope.class);
                share = parts.decimal("share");
            } catch (FieldException e) {
                throw new FieldException(field, where + e.field() + " " + e.getMessage());
            }
            if (share != null && !(share >= 0 && share <= 100)) {
                throw new FieldException(field, where + "share " + share + " is not a percent from 0 to 100");
            }
            sum += share == null ? 0 : share;
            out.add(new ProductMarket(name(field, i, item.get("product"), "a product name"), market, share));
        }
        if (sum > 100 + SHARE_TOLERANCE) {
            throw new FieldException(field, "shares sum to " + Math.round(sum * 10) / 10.0 + "%, more than 100%");
        }
        return out;
    }

    /** An item as an object: given so, or written {@code product:market[:share]}. */
    private static Map<String, Object> productMarket(String field, int i, Object item) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (item instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!PRODUCT_MARKET_KEYS.contains(String.valueOf(e.getKey()))) {
                    throw new FieldException(field, "item " + (i + 1) + " has '" + e.getKey() + "'; an item has"
                            + " product, market and optionally share");
                }
                out.put(e.getKey().toString(), e.getValue());
            }
        } else if (item instanceof String s) {
            String[] parts = s.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new FieldException(field, "item " + (i + 1) + " '" + s + "' is not product:market or"
                        + " product:market:share");
            }
            out.put("product", parts[0].trim());
            out.put("market", parts[1].trim());
            out.put("share", parts.length == 3 ? parts[2].trim().replaceAll("%$", "") : null);
        } else {
            throw new FieldException(field, "item " + (i + 1) + " is not an object {product, market, share}");
        }
        return out;
    }
}
