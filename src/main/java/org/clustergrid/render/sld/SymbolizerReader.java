package org.clustergrid.render.sld;

import static org.clustergrid.render.sld.Dom.child;
import static org.clustergrid.render.sld.Dom.elements;
import static org.clustergrid.render.sld.Dom.localName;

import java.awt.Color;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.filter.Literals;
import org.clustergrid.render.Symbol;
import org.clustergrid.render.Symbol.Fill;
import org.clustergrid.render.Symbol.Line;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.render.Symbol.MarkerShape;
import org.w3c.dom.Element;

/**
 * Reads Point-, Line- and PolygonSymbolizers into the renderer's symbols, with SLD 1.0's defaults (a mark is a grey
 * square of 6 pixels with a black outline; a stroke black, 1 pixel; a fill 50% grey). Parameters come from
 * CssParameter (SLD 1.0) or SvgParameter (SE 1.1) elements; those taken from feature properties are refused.
 */
final class SymbolizerReader {
    /** Widths and sizes beyond this are refused: no map symbol is that large, and each costs the rasteriser. */
    static final float MAX_PX = 256;
    static final int MAX_DASHES = 16;
    private static final Color GREY = new Color(0x808080);

    private SymbolizerReader() {}

    /** The symbol of a symbolizer; null for one not drawn here (Text, Raster) or one that draws nothing. */
    static Symbol read(Element s) {
        return switch (localName(s)) {
            case "PointSymbolizer" -> point(s);
            case "LineSymbolizer" -> line(s);
            case "PolygonSymbolizer" -> polygon(s);
            default -> null;
        };
    }

    private static Symbol line(Element s) {
        Element stroke = child(s, "Stroke");
        if (stroke == null) {
            return null; // SLD 1.0 §11.1.3: no Stroke, no line
        }
        Map<String, String> p = params(stroke);
        return new Line(colour(p, "stroke", Color.BLACK, "stroke-opacity", 1), size(p.get("stroke-width"), 1,
                "stroke-width"), dashes(p.get("stroke-dasharray")), null, 0);
    }

    private static Symbol polygon(Element s) {
        Element fill = child(s, "Fill");
        Element stroke = child(s, "Stroke");
        if (fill == null && stroke == null) {
            return null;
        }
        Color fillColour = fill == null ? null : colour(params(fill), "fill", GREY, "fill-opacity", 1);
        Map<String, String> sp = stroke == null ? Map.of() : params(stroke);
        Color strokeColour = stroke == null ? null : colour(sp, "stroke", Color.BLACK, "stroke-opacity", 1);
        return new Fill(fillColour, strokeColour, stroke == null ? 0 : size(sp.get("stroke-width"), 1,
                "stroke-width"));
    }

    private static Symbol point(Element s) {
        Element graphic = child(s, "Graphic");
        if (graphic == null) {
            return new Marker(MarkerShape.SQUARE, 6, GREY, Color.BLACK, 1);
        }
        float size = size(text(child(graphic, "Size")), 6, "Size");
        double opacity = opacity(text(child(graphic, "Opacity")), "Opacity");
        Element mark = child(graphic, "Mark");
        if (mark == null) {
            // an ExternalGraphic is not fetched: it is drawn as the default mark
            return new Marker(MarkerShape.SQUARE, size, alpha(GREY, opacity), alpha(Color.BLACK, opacity), 1);
        }
        MarkerShape shape = shape(text(child(mark, "WellKnownName")));
        Element fill = child(mark, "Fill");
        Element stroke = child(mark, "Stroke");
        if (fill == null && stroke == null) {
            return new Marker(shape, size, alpha(GREY, opacity), alpha(Color.BLACK, opacity), 1);
        }
        Color fillColour = fill == null ? null : colour(params(fill), "fill", GREY, "fill-opacity", opacity);
        Map<String, String> sp = stroke == null ? Map.of() : params(stroke);
        Color strokeColour = stroke == null ? null : colour(sp, "stroke", Color.BLACK, "stroke-opacity", opacity);
        return new Marker(shape, size, fillColour, strokeColour, stroke == null ? 0
                : size(sp.get("stroke-width"), 1, "stroke-width"));
    }

    /** The closest of the renderer's shapes; SLD's cross and x are drawn as a diamond. */
    static MarkerShape shape(String wellKnownName) {
        String n = wellKnownName == null ? "square" : wellKnownName.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "circle" -> MarkerShape.CIRCLE;
            case "square" -> MarkerShape.SQUARE;
            case "triangle" -> MarkerShape.TRIANGLE;
            case "star" -> MarkerShape.STAR;
            case "cross", "x", "diamond" -> MarkerShape.DIAMOND;
            default -> throw new SldException("WellKnownName '" + Literals.excerpt(n)
                    + "' is not known; use circle, square, triangle, star, cross or x");
        };
    }

    /** The CssParameter / SvgParameter values of a Fill or Stroke by name. */
    static Map<String, String> params(Element fillOrStroke) {
        Map<String, String> out = new HashMap<>();
        for (Element e : elements(fillOrStroke)) {
            String kind = localName(e);
            if (!kind.equals("CssParameter") && !kind.equals("SvgParameter")) {
                continue; // GraphicFill, GraphicStroke: not drawn
            }
            String name = e.getAttribute("name");
            for (Element inner : elements(e)) {
                if (!localName(inner).equals("Literal")) {
                    throw new SldException(kind + " " + name + " takes a value, not " + localName(inner)
                            + " (values from feature properties are not supported)");
                }
            }
            out.put(name, e.getTextContent().strip());
        }
        return out;
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    static Color colour(Map<String, String> p, String name, Color fallback, String opacityName, double opacity) {
        String text = p.get(name);
        Color c = fallback;
        if (text != null && !text.isEmpty()) {
            if (!text.matches("#[0-9A-Fa-f]{6}")) {
                throw new SldException(name + " '" + Literals.excerpt(text.strip()) + "' is not a colour #RRGGBB");
            }
            c = new Color(Integer.parseInt(text.substring(1), 16));
        }
        return alpha(c, opacity * opacity(p.get(opacityName), opacityName));
    }

    private static Color alpha(Color c, double opacity) {
        return opacity >= 1 ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * opacity));
    }

    static double opacity(String text, String name) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        double o = number(text, name);
        if (o < 0 || o > 1) {
            throw new SldException(name + " must be between 0 and 1; got " + Literals.excerpt(text.strip()));
        }
        return o;
    }

    static float size(String text, float fallback, String name) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        double v = number(text, name);
        if (v < 0 || v > MAX_PX) {
            throw new SldException(name + " must be 0 to " + (int) MAX_PX + " pixels; got "
                    + Literals.excerpt(text.strip()));
        }
        return (float) v;
    }

    private static float[] dashes(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] parts = text.strip().split("[\\s,]+");
        if (parts.length > MAX_DASHES) {
            throw new SldException("stroke-dasharray has " + parts.length + " values; at most " + MAX_DASHES);
        }
        float[] out = new float[parts.length];
        boolean any = false;
        for (int i = 0; i < parts.length; i++) {
            out[i] = size(parts[i], 0, "stroke-dasharray");
            any |= out[i] > 0;
        }
        if (!any) {
            throw new SldException("stroke-dasharray needs a length above 0");
        }
        return out;
    }

    private static double number(String text, String name) {
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SldException(name + " '" + Literals.excerpt(text.strip()) + "' is not a number");
    }
}
