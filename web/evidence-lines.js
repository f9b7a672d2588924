// The selected cluster's evidence on the map: dashed lines to the nearest features, labelled with distance and time.
import { DIMENSIONS, EVIDENCE_COLORS } from './config.js';
import { fmtEvidence } from './format.js';
import { renderLegend } from './legend.js';
import { esc } from './quality.js';
import { state } from './state.js';

var evidenceLayer = null;

/** Takes the evidence lines off the map. */
export function removeEvidence() {
  if (evidenceLayer) {
    state.map.removeLayer(evidenceLayer);
    evidenceLayer = null;
  }
}

/** Extends the bounds to take in the evidence lines and their targets. */
export function extendWithEvidence(bounds) {
  if (evidenceLayer) {
    evidenceLayer.eachLayer(function (l) {
      bounds.extend(l.getBounds ? l.getBounds() : l.getLatLng());
    });
  }
}

/** One dashed line per distinct evidence (cluster → nearest feature), labelled with its distance / time. */
export function drawEvidence(s) {
  removeEvidence();
  evidenceLayer = L.layerGroup();
  var seen = {};
  DIMENSIONS.forEach(function (d) {
    ((s.dimensions || {})[d] || {}).indicators.forEach(function (ind) {
      var ev = ind.evidence;
      if (!ev || !ev.line || ev.line.length < 2) {
        return;
      }
      var a = L.latLng(ev.line[0][1], ev.line[0][0]);
      var b = L.latLng(ev.line[1][1], ev.line[1][0]);
      var key = d + '|' + ev.line.join('|');
      var label = fmtEvidence(ev);
      if (seen[key]) {
        if (label && seen[key].labels.indexOf(label) < 0) {
          seen[key].labels.push(label);
        }
        return;
      }
      seen[key] = { dim: d, a: a, b: b, labels: label ? [label] : [], name: ev.name || ev.feature };
    });
  });
  // labels sit at staggered points along their lines: lines to nearby targets often run side by side
  var STAGGER = [0.5, 0.72, 0.28, 0.6, 0.4, 0.82, 0.18];
  Object.keys(seen).forEach(function (key, i) {
    var e = seen[key];
    var color = EVIDENCE_COLORS[e.dim];
    L.circleMarker(e.b, { pane: 'evidence', radius: 5, color: color, weight: 2, fillColor: '#ffffff', fillOpacity: 1 })
      .addTo(evidenceLayer);
    if (e.a.equals(e.b) || !e.labels.length) {
      return; // on site: nothing to draw but the marker
    }
    // the label says how far / how long; the line's colour says which dimension (see the legend)
    L.polyline([e.a, e.b], { pane: 'evidence', color: color, weight: 3, dashArray: '6 4', opacity: 0.95 })
      .addTo(evidenceLayer);
    var t = STAGGER[i % STAGGER.length];
    L.tooltip({ permanent: true, direction: 'center', className: 'evidence-label evidence-' + e.dim, opacity: 0.95 })
      .setLatLng([e.a.lat + (e.b.lat - e.a.lat) * t, e.a.lng + (e.b.lng - e.a.lng) * t])
      .setContent(esc(e.labels.join(' / ')))
      .addTo(evidenceLayer);
  });
  evidenceLayer.addTo(state.map);
  renderLegend();
}
