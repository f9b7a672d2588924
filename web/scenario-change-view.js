// The map's "change" view of an evaluated scenario: each cluster coloured by how much its gap fell, with its key in
// the legend, until the planner goes back to the normal view.
import { drawClusters, setClusterView } from './cluster-layer.js';
import { NO_DATA_COLOR } from './config.js';
import { fmtNumber } from './format.js';
import { renderLegend, setClusterKey } from './legend.js';
import { esc } from './quality.js';

// gap points (0–100) the gap fell by; ColorBrewer Greens, darker = more closed; a rise in red, as it is a loss
var CLASSES = [
  { key: 'rose', colour: '#d6604d', label: 'gap rose', test: function (d) { return d < 0; } },
  { key: 'same', colour: '#ffffff', label: 'no change', test: function (d) { return d === 0; } },
  { key: 'fell-2', colour: '#c7e9c0', label: 'fell by less than 2', test: function (d) { return d < 2; } },
  { key: 'fell-5', colour: '#74c476', label: 'fell by 2 – 5', test: function (d) { return d < 5; } },
  { key: 'fell-10', colour: '#31a354', label: 'fell by 5 – 10', test: function (d) { return d < 10; } },
  { key: 'fell-more', colour: '#006d2c', label: 'fell by 10 or more', test: function () { return true; } }
];
var UNKNOWN = { key: 'unknown', colour: NO_DATA_COLOR, label: 'gap unknown before or after' };

var shown = null; // {name, rows: cluster_grid_id -> evaluation row}
var listeners = [];

/** The gap's fall of an evaluation row, or null when the gap is unknown on either side. */
export function gapFall(row) {
  if (!row || typeof row.gap_before !== 'number' || typeof row.gap_after !== 'number') {
    return null;
  }
  return Math.round((row.gap_before - row.gap_after) * 100) / 100;
}

function classOfRow(row) {
  var d = gapFall(row);
  if (d === null) {
    return UNKNOWN;
  }
  return CLASSES.filter(function (c) {
    return c.test(d);
  })[0];
}

function tooltip(p) {
  var row = shown.rows[p.cluster_grid_id];
  var text = '<strong>' + esc(p.name) + '</strong><br>';
  if (!row) {
    return text + 'not in the evaluation';
  }
  return text + 'Gap ' + fmtNumber(row.gap_before, 1) + ' → ' + fmtNumber(row.gap_after, 1) + ' · priority ' +
    fmtNumber(row.priority_before, 0) + ' → ' + fmtNumber(row.priority_after, 0);
}

function keyHtml() {
  var counts = {};
  Object.keys(shown.rows).forEach(function (id) {
    var k = classOfRow(shown.rows[id]).key;
    counts[k] = (counts[k] || 0) + 1;
  });
  return '<div class="legend-title">Clusters: fall of the gap</div><div class="legend-note">scenario “' +
    esc(shown.name) + '”, gap points</div>' + CLASSES.concat([UNKNOWN]).slice().reverse().filter(function (c) {
    return counts[c.key] || c.key === 'same';
  }).map(function (c) {
    return '<div class="legend-row" data-change="' + c.key + '"><span class="swatch box" style="background:' +
      c.colour + '"></span>' + esc(c.label) + ' <span class="muted">(' + (counts[c.key] || 0) + ')</span></div>';
  }).join('') + '<button type="button" class="link-button" data-action="normal-view">Normal colours</button>';
}

/** Colours the clusters by the gap's fall in the evaluation (its rows, one a cluster). */
export function showChangeView(evaluation) {
  var rows = {};
  (evaluation.clusters || []).forEach(function (r) {
    rows[r.cluster_grid_id] = r;
  });
  shown = { name: evaluation.name, rows: rows };
  setClusterView({
    colour: function (p) {
      return classOfRow(rows[p.cluster_grid_id]).colour;
    },
    tooltip: tooltip
  });
  setClusterKey(keyHtml);
  redraw();
}

/** Back to the clusters coloured by the chosen score. */
export function hideChangeView() {
  if (!shown) {
    return;
  }
  shown = null;
  setClusterView(null);
  setClusterKey(null);
  redraw();
}

export function changeViewShown() {
  return !!shown;
}

/** Called with whether the change view is shown, whenever that changes. */
export function onChangeView(listener) {
  listeners.push(listener);
}

function redraw() {
  drawClusters();
  renderLegend();
  listeners.forEach(function (l) {
    l(!!shown);
  });
}

// the legend is redrawn as HTML: its button is heard here
document.addEventListener('click', function (ev) {
  if (ev.target.closest && ev.target.closest('[data-action="normal-view"]')) {
    hideChangeView();
  }
});
