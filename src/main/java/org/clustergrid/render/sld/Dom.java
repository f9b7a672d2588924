package org.clustergrid.render.sld;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Child elements by local name: SLD 1.0 ({@code sld:}), SE 1.1 ({@code se:}) and filters ({@code ogc:}) name the same
 * things in different namespaces, and documents in the wild mix them, so only local names are compared.
 */
final class Dom {
    private Dom() {}

    static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String localName) {
        return elements(parent).stream().filter(e -> localName.equals(localName(e))).toList();
    }

    static Element child(Element parent, String localName) {
        for (Element e : elements(parent)) {
            if (localName.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    /** The stripped text of a child, or null when it is absent or empty. */
    static String childText(Element parent, String localName) {
        Element e = child(parent, localName);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }
}
