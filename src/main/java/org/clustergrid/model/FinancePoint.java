package org.clustergrid.model;

import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/** A place where firms can reach financial services. */
public record FinancePoint(
        String id, FinanceType type, String name, String operator, Point geometry, Map<String, Object> attributes)
        implements LayerFeature {

    public FinancePoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(geometry, "geometry");
        attributes = Attributes.copy(attributes);
    }

    @Override
    public Layer layer() {
        return Layer.FINANCE;
    }

    /** Kinds of finance access point. */
    public enum FinanceType {
        BANK,
        ATM,
        CREDIT_COOPERATIVE,
        MICROFINANCE,
        MOBILE_MONEY_AGENT,
        BUREAU_DE_CHANGE,
        /** Money lenders and other informal credit. */
        INFORMAL_CREDIT
    }
}
