package org.clustergrid.render;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.clustergrid.render.Symbol.Fill;
import org.clustergrid.render.Symbol.Line;
import org.clustergrid.render.Symbol.Marker;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Draws symbols: for a geometry on the map, and alone for legends. */
final class SymbolPainter {
    private final Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD, 1024);

    /** The marker shape centred at (x, y). */
    static Shape marker(Marker m, double x, double y) {
        double s = m.size();
        double r = s / 2;
        return switch (m.shape()) {
            case CIRCLE -> new Ellipse2D.Double(x - r, y - r, s, s);
            case SQUARE -> new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, s * 0.9, s * 0.9);
            case TRIANGLE -> polygon(x, y, r * 1.15, 3, 0, -Math.PI / 2, r * 0.25);
            case DIAMOND -> polygon(x, y, r, 4, 0, -Math.PI / 2, 0);
            case STAR -> polygon(x, y, r, 5, r * 0.45, -Math.PI / 2, 0);
        };
    }

    /** A regular polygon (or star, with {@code inner} > 0) of {@code n} points, moved down by {@code dy}. */
    private static Shape polygon(double x, double y, double r, int n, double inner, double start, double dy) {
        Path2D.Double p = new Path2D.Double();
        int steps = inner > 0 ? 2 * n : n;
        for (int i = 0; i < steps; i++) {
            double a = start + i * 2 * Math.PI / steps;
            double rr = inner > 0 && i % 2 == 1 ? inner : r;
            double px = x + rr * Math.cos(a);
            double py = y + dy + rr * Math.sin(a);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        p.closePath();
        return p;
    }

    static void paintMarker(Graphics2D g, Marker m, double x, double y) {
        Shape s = marker(m, x, y);
        if (m.fill() != null) {
            g.setColor(m.fill());
            g.fill(s);
        }
        if (m.stroke() != null && m.strokeWidth() > 0) {
            g.setColor(m.stroke());
            g.setStroke(m.outline());
            g.draw(s);
        }
    }

    /** Lines of one symbol (or its casing) as one path; {@code offsetXs} are the features' world-copy shifts. */
    void paintLines(Graphics2D g, Line line, List<Geometry> geometries, double[] offsetXs, Viewport v,
            boolean casing) {
        path.reset();
        for (int i = 0; i < geometries.size(); i++) {
            PixelPaths.append(path, geometries.get(i), v, offsetXs[i]);
        }
        g.setColor(casing ? line.casing() : line.color());
        g.setStroke(casing ? line.casingStroke() : line.stroke());
        g.draw(path);
    }

    /**
     * Draws {@code geometry} with {@code symbol}. A marker on a line or area sits at its interior point; a line or
     * fill symbol on a point falls back to a small dot in its colour.
     */
    void paint(Graphics2D g, Symbol symbol, Geometry geometry, Viewport v, double offsetX) {
        int dim = geometry.getDimension();
        if (symbol instanceof Marker m) {
            if (dim == 0) {
                for (int i = 0; i < geometry.getNumGeometries(); i++) {
                    Point p = (Point) geometry.getGeometryN(i);
                    paintMarker(g, m, v.px(p.getX(), offsetX), v.py(p.getY()));
                }
            } else {
                Point p = geometry.getInteriorPoint();
                paintMarker(g, m, v.px(p.getX(), offsetX), v.py(p.getY()));
            }
            return;
        }
        if (dim == 0) {
            java.awt.Color c = symbol instanceof Line l ? l.color() : ((Fill) symbol).stroke();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Point p = (Point) geometry.getGeometryN(i);
                paintMarker(g, new Marker(Symbol.MarkerShape.CIRCLE, 5, c, null, 0), v.px(p.getX(), offsetX),
                        v.py(p.getY()));
            }
            return;
        }
        path.reset();
        PixelPaths.append(path, geometry, v, offsetX);
        if (symbol instanceof Line l) {
            g.setColor(l.color());
            g.setStroke(l.stroke());
            g.draw(path);
        } else if (symbol instanceof Fill f) {
            if (dim == 2 && f.fill() != null) {
                g.setColor(f.fill());
                g.fill(path);
            }
            if (f.stroke() != null && f.strokeWidth() > 0) {
                g.setColor(f.stroke());
                g.setStroke(new java.awt.BasicStroke(f.strokeWidth(), java.awt.BasicStroke.CAP_ROUND,
                        java.awt.BasicStroke.JOIN_ROUND));
                g.draw(path);
            }
        }
    }

    /** The symbol as a legend sample inside a {@code w} × {@code h} box at (x, y). */
    static void paintSample(Graphics2D g, Symbol symbol, double x, double y, double w, double h) {
        if (symbol instanceof Marker m) {
            paintMarker(g, m, x + w / 2, y + h / 2);
        } else if (symbol instanceof Line l) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(x + 1, y + h * 0.75);
            p.curveTo(x + w * 0.4, y + h * 0.75, x + w * 0.6, y + h * 0.25, x + w - 1, y + h * 0.25);
            if (l.casing() != null) {
                g.setColor(l.casing());
                g.setStroke(l.casingStroke());
                g.draw(p);
            }
            g.setColor(l.color());
            g.setStroke(l.stroke());
            g.draw(p);
        } else if (symbol instanceof Fill f) {
            Rectangle2D.Double r = new Rectangle2D.Double(x + 2, y + 2, w - 4, h - 4);
            if (f.fill() != null) {
                g.setColor(f.fill());
                g.fill(r);
            }
            if (f.stroke() != null && f.strokeWidth() > 0) {
                g.setColor(f.stroke());
                g.setStroke(new java.awt.BasicStroke(f.strokeWidth()));
                g.draw(r);
            }
        }
    }
}
