package org.clustergrid.register.interventions;

import java.util.Arrays;
import java.util.Locale;
import org.clustergrid.register.RegisterException;

/** The closed lists of the grid — category, status, origin — spelt in lower case as the API and the stores hold them. */
public final class Vocabulary {
    /** What kind of support: the seed's seven headings of the Intervention grid. */
    public enum Category {
        TRADE_IPR, ENTREPRENEURSHIP, AGENCIES_BDS, SKILLS_LABOUR, TECHNOLOGY, FINANCE, INFRASTRUCTURE;

        public String id() {
            return Vocabulary.id(this);
        }
    }

    /** How far along it is; everything but {@code done} is open. */
    public enum Status {
        IDENTIFIED, PLANNED, UNDER_WAY, DONE;

        public String id() {
            return Vocabulary.id(this);
        }
    }

    /**
     * Where the row came from: typed in, made from a gap of the scoring run, or written when an editor accepted a
     * portfolio's projects ({@link PortfolioRows}).
     */
    public enum Origin {
        ENTERED, COMPUTED_GAP, PORTFOLIO;

        public String id() {
            return Vocabulary.id(this);
        }
    }

    private Vocabulary() {}

    static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The value of that id; 400 naming {@code field} and the allowed ids otherwise. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        for (E e : type.getEnumConstants()) {
            if (id(e).equals(value)) {
                return e;
            }
        }
        throw RegisterException.badInput(field, "'" + value + "' is not one of " + Arrays.stream(
                type.getEnumConstants()).map(Vocabulary::id).toList());
    }
}
