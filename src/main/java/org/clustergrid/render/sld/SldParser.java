package org.clustergrid.render.sld;

import static org.clustergrid.render.sld.Dom.child;
import static org.clustergrid.render.sld.Dom.childText;
import static org.clustergrid.render.sld.Dom.children;
import static org.clustergrid.render.sld.Dom.elements;
import static org.clustergrid.render.sld.Dom.localName;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.clustergrid.filter.Literals;
import org.clustergrid.render.Symbol;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses SLD 1.0.0 and SLD 1.1.0 / SE 1.1 documents. The text comes from users, so the parser reads nothing but it:
 * any DOCTYPE is refused (which rules out external entities and entity expansion such as "billion laughs"), no
 * external DTD or schema is loaded, no XInclude, and the document is at most {@link #MAX_BYTES}. Elements it does not
 * know are skipped, as SLD readers do; a document that leaves nothing to draw is an error naming what is missing.
 */
public final class SldParser {
    /** Largest document accepted, in UTF-8 bytes: real styles are a few KB; a classed one of 100 rules, some 50 KB. */
    public static final int MAX_BYTES = 256 * 1024;
    /** Most rules of a document: each is tested against every feature drawn. */
    public static final int MAX_RULES = 1000;
    static final String DOCTYPE_REFUSED = "SLD must not contain a DOCTYPE (external entities and entity expansion"
            + " are refused)";

    private int rules;

    private SldParser() {}

    public static Sld parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SldException("the SLD is empty");
        }
        // a UTF-8 byte count without encoding the text: an upper bound of 3 bytes a char decides most cases
        if ((long) text.length() * 3 > MAX_BYTES && text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new SldException("the SLD is larger than " + MAX_BYTES / 1024 + " KB, the most accepted");
        }
        return new SldParser().read(document(text).getDocumentElement());
    }

    private static Document document(String text) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // not worth refusing a style for
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            // entities cannot be declared (no DOCTYPE), so none is ever resolved; refuse any attempt all the same
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new SldException(DOCTYPE_REFUSED);
            }
            throw new SldException("the SLD is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "): " + Literals.excerpt(String.valueOf(e.getMessage())));
        } catch (SAXException | IOException e) {
            throw new SldException("the SLD cannot be read: " + Literals.excerpt(String.valueOf(e.getMessage())));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a safety feature", e);
        }
    }

    /** The JDK's own parser (not whichever one the class path brings), with every way out of the text closed. */
    static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        return f;
    }

    private Sld read(Element root) {
        if (!localName(root).equals("StyledLayerDescriptor")) {
            throw new SldException("the root element is " + localName(root) + "; an SLD's is StyledLayerDescriptor");
        }
        List<Sld.Layer> layers = new ArrayList<>();
        for (Element e : elements(root)) {
            String kind = localName(e);
            if (kind.equals("NamedLayer") || kind.equals("UserLayer")) {
                layers.add(layer(e, kind));
            }
        }
        if (layers.isEmpty()) {
            throw new SldException("the SLD has no NamedLayer or UserLayer");
        }
        return new Sld(layers);
    }

    private Sld.Layer layer(Element e, String kind) {
        String name = childText(e, "Name");
        List<UserStyle> styles = new ArrayList<>();
        for (Element s : children(e, "UserStyle")) {
            styles.add(style(s));
        }
        Element named = child(e, "NamedStyle");
        String namedStyle = named == null ? null : childText(named, "Name");
        if (styles.isEmpty() && namedStyle == null) {
            throw new SldException(kind + (name == null ? "" : " " + name) + " has no UserStyle or NamedStyle");
        }
        return new Sld.Layer(name, styles, namedStyle);
    }

    private UserStyle style(Element e) {
        String name = childText(e, "Name");
        String title = title(e);
        String isDefault = childText(e, "IsDefault");
        String called = "UserStyle" + (name == null ? "" : " " + name);
        List<List<Rule>> ftss = new ArrayList<>();
        boolean draws = false;
        for (Element fts : children(e, "FeatureTypeStyle")) {
            List<Rule> list = new ArrayList<>();
            for (Element r : children(fts, "Rule")) {
                if (++rules > MAX_RULES) {
                    throw new SldException("the SLD has more than " + MAX_RULES + " rules");
                }
                Rule rule = rule(r);
                draws |= !rule.symbols().isEmpty();
                list.add(rule);
            }
            if (list.isEmpty()) {
                throw new SldException("a FeatureTypeStyle of " + called + " has no Rule");
            }
            ftss.add(list);
        }
        if (ftss.isEmpty()) {
            throw new SldException(called + " has no FeatureTypeStyle");
        }
        if (!draws) {
            throw new SldException(called + " has no rule that draws: a rule needs a PointSymbolizer, "
                    + "LineSymbolizer (with a Stroke) or PolygonSymbolizer (with a Fill or Stroke)");
        }
        return new UserStyle(name, title, "1".equals(isDefault) || "true".equalsIgnoreCase(isDefault), ftss);
    }

    /** SLD 1.0 has Title as a child; SE 1.1 puts it in Description. */
    private static String title(Element e) {
        String t = childText(e, "Title");
        Element description = child(e, "Description");
        return t != null || description == null ? t : childText(description, "Title");
    }

    private static Rule rule(Element e) {
        Element filter = child(e, "Filter");
        boolean isElse = child(e, "ElseFilter") != null;
        double min = scale(childText(e, "MinScaleDenominator"), 0);
        double max = scale(childText(e, "MaxScaleDenominator"), Double.POSITIVE_INFINITY);
        if (min >= max) {
            throw new SldException("a rule's MinScaleDenominator " + min + " is not below its MaxScaleDenominator "
                    + max);
        }
        List<Symbol> symbols = new ArrayList<>();
        String label = null;
        for (Element s : elements(e)) {
            String kind = localName(s);
            if (kind.equals("TextSymbolizer")) {
                Element l = child(s, "Label");
                label = l == null ? null : childText(l, "PropertyName");
            } else if (kind.endsWith("Symbolizer")) {
                Symbol symbol = SymbolizerReader.read(s);
                if (symbol != null) {
                    symbols.add(symbol);
                }
            }
        }
        return new Rule(childText(e, "Name"), title(e), filter == null ? null : FilterReader.filter(filter), isElse,
                min, max, symbols, label);
    }

    private static double scale(String text, double fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(text);
            if (d >= 0 && !Double.isNaN(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SldException("scale denominator '" + Literals.excerpt(text) + "' is not a number of 0 or more");
    }
}
