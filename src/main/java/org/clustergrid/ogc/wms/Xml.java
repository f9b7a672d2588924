package org.clustergrid.ogc.wms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin XMLStreamWriter wrapper (escaping done by StAX) with unchecked exceptions and one-line elements. */
final class Xml {
    static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    private final XMLStreamWriter w;

    Xml() {
        try {
            w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Body {
        void write() throws XMLStreamException;
    }

    private Xml run(Body b) {
        try {
            b.write();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    Xml raw(String text) {
        return run(() -> w.writeDTD(text));
    }

    Xml start(String name) {
        return run(() -> w.writeStartElement(name));
    }

    Xml attr(String name, String value) {
        return run(() -> w.writeAttribute(name, value));
    }

    Xml attr(String name, double value) {
        return attr(name, num(value));
    }

    Xml namespace(String prefix, String uri) {
        return run(() -> {
            if (prefix.isEmpty()) {
                w.writeDefaultNamespace(uri);
            } else {
                w.writeNamespace(prefix, uri);
            }
        });
    }

    Xml end() {
        return run(w::writeEndElement);
    }

    Xml text(String text) {
        return run(() -> w.writeCharacters(text));
    }

    /** {@code <name>text</name>}. */
    Xml element(String name, String text) {
        return start(name).text(text == null ? "" : text).end();
    }

    /** An empty {@code OnlineResource} with a simple XLink. */
    Xml onlineResource(String href) {
        return run(() -> {
            w.writeEmptyElement("OnlineResource");
            w.writeAttribute("xlink:type", "simple");
            w.writeAttribute("xlink:href", href);
        });
    }

    Xml empty(String name) {
        return run(() -> w.writeEmptyElement(name));
    }

    byte[] bytes() {
        run(w::writeEndDocument);
        run(w::flush);
        return out.toByteArray();
    }

    /** The largest number of {@link #num}'s decimals not above {@code v}. */
    static double down(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(8, java.math.RoundingMode.FLOOR).doubleValue();
    }

    /** The smallest number of {@link #num}'s decimals not below {@code v}. */
    static double up(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(8, java.math.RoundingMode.CEILING).doubleValue();
    }

    /** Numbers without exponent or needless decimals, as capabilities readers expect. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    static String string(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
