package org.clustergrid.render.sld;

import java.util.List;
import java.util.Optional;

/** A parsed StyledLayerDescriptor: its NamedLayers and UserLayers in document order. */
public record Sld(List<Layer> layers) {

    public Sld {
        layers = List.copyOf(layers);
    }

    /**
     * A layer of the document: the name of the map layer it styles, its user styles, and the name of a NamedStyle
     * when it asks for one of the server's styles instead (null otherwise).
     */
    public record Layer(String name, List<UserStyle> styles, String namedStyle) {
        public Layer {
            styles = List.copyOf(styles);
        }

        /** The user style named {@code wanted}, else the one marked IsDefault, else the first; empty if none. */
        public Optional<UserStyle> style(String wanted) {
            if (wanted != null && !wanted.isEmpty()) {
                Optional<UserStyle> named = styles.stream().filter(s -> wanted.equals(s.name())).findFirst();
                if (named.isPresent()) {
                    return named;
                }
            }
            return styles.stream().filter(UserStyle::isDefault).findFirst().or(() -> styles.stream().findFirst());
        }
    }

    /** The document's layer of that name. */
    public Optional<Layer> layer(String name) {
        return layers.stream().filter(l -> name.equals(l.name())).findFirst();
    }

    /**
     * The style a stored document gives the layer {@code name}: its own NamedLayer's, or else the first user style
     * of the document (a style written for a layer of another name, as styles are often copied between layers).
     */
    public UserStyle styleFor(String name) {
        return layer(name).flatMap(l -> l.style(null))
                .or(() -> layers.stream().flatMap(l -> l.styles().stream()).findFirst())
                .orElseThrow(() -> new SldException("the SLD has no UserStyle"));
    }
}
