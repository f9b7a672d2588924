package org.clustergrid.regions;

import java.util.List;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextLayer;

/** Which attribute of a region layer holds its regions' names, when none is named. */
public final class RegionNames {
    /** Attribute names that usually hold a region's name, tried in order. */
    public static final List<String> USUAL = List.of("name", "NAME", "Name", "shapeName", "NAME_2", "NAME_1",
            "ADM2_EN", "ADM1_EN", "district", "DISTRICT", "state", "STATE", "A3", "ISO_A3");

    private RegionNames() {}

    /** The first usual name attribute the layer has, else its first text attribute, else null. */
    public static String attribute(ContextLayer layer) {
        for (String n : USUAL) {
            if (layer.attribute(n).isPresent()) {
                return n;
            }
        }
        return layer.attributes().stream().filter(a -> a.type() == AttributeType.TEXT).map(a -> a.name())
                .findFirst().orElse(null);
    }
}
