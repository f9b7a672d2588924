// The map legend: the cluster classes with their counts, and keys of the other layers that are on.
import {
  CONFIG, DIMENSIONS, DIMENSION_LABELS, EVIDENCE_COLORS, NO_DATA_COLOR, SCORES, WMS_SURFACES
} from './config.js';
import { esc } from './quality.js';
import { classOf } from './score-classes.js';
import { state } from './state.js';
import { $ } from './ui.js';

// keys other modules add: 'main' beneath the cluster classes, 'more' among the other layers' keys
var parts = { main: [], more: [] };
// the clusters' key while they are coloured otherwise than by the score (a scenario's changes), or null
var clusterKey = null;

/** Replaces the key of the score's classes by html() (a function), or restores it (null). */
export function setClusterKey(html) {
  clusterKey = html;
}

/** Adds a key to the legend: a function giving its HTML ('' when its layer is off). */
export function addLegendPart(where, html) {
  parts[where].push(html);
}

function partsHtml(where) {
  return parts[where].map(function (f) {
    return f();
  }).join('');
}

var legendControl = null;
export function renderLegend() {
  if (!legendControl) {
    legendControl = L.control({ position: 'bottomleft' });
    legendControl.onAdd = function () {
      var div = L.DomUtil.create('details', 'legend');
      div.id = 'legend';
      div.open = state.map.getSize().x > 520;
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    legendControl.addTo(state.map);
  }
  var html = '<summary>Legend</summary>' + (clusterKey ? clusterKey() : scoreClassesHtml());
  html += '<div class="legend-note">Circle size: cluster size (employment)</div>' + partsHtml('main');
  // the other layers' keys fold away, so the cluster classes stay readable on small screens
  var more = '';
  if (state.layers.roads && state.layers.roads.on && CONFIG.roadsAs === 'wms') {
    more += '<div class="legend-title">Roads</div><img alt="Roads legend" src="ogc/wms?SERVICE=WMS&amp;' +
      'VERSION=1.3.0&amp;REQUEST=GetLegendGraphic&amp;LAYER=roads&amp;FORMAT=image/png">';
  }
  Object.keys(WMS_SURFACES).forEach(function (id) {
    if (state.layers[id] && state.layers[id].on) {
      more += '<img alt="' + esc(WMS_SURFACES[id]) + ' legend" src="ogc/wms?SERVICE=WMS&amp;VERSION=1.3.0&amp;' +
        'REQUEST=GetLegendGraphic&amp;LAYER=' + id + '&amp;FORMAT=image/png">';
    }
  });
  more += partsHtml('more') + otherLegends();
  var div = $('legend');
  var wasOpen = div.open;
  var moreWasOpen = !!div.querySelector('details.legend-more[open]');
  if (more) {
    html += '<details class="legend-more"' + (moreWasOpen ? ' open' : '') + '><summary>Other layers</summary>' +
      more + '</details>';
  }
  div.innerHTML = html;
  div.open = wasOpen;
}

/** The chosen score's classes with their counts, most need on top. */
function scoreClassesHtml() {
  var def = SCORES[state.score];
  var counts = [0, 0, 0, 0, 0];
  var noData = 0;
  state.features.forEach(function (f) {
    var k = classOf(f.properties[state.score]);
    if (k < 0) {
      noData++;
    } else {
      counts[k]++;
    }
  });
  var html = '<div class="legend-title">Clusters: ' + esc(def.label) + '</div>' +
    '<div class="legend-note">' + (def.needHigh ? 'higher = more need' : 'lower = more need') +
    (def.fixed ? '' : '; quintiles of the clusters') + '</div>';
  // most need on top, as planners read the list from the top
  for (var i = state.classes.length - 1; i >= 0; i--) {
    var c = state.classes[i];
    html += '<div class="legend-row" data-class="' + i + '"><span class="swatch box" style="background:' + c.color +
      '"></span>' + esc(c.label) + ' <span class="muted">(' + counts[i] + ')</span></div>';
  }
  if (noData) {
    html += '<div class="legend-row"><span class="swatch box" style="background:' + NO_DATA_COLOR +
      '"></span>not scored: too little known <span class="muted">(' + noData + ')</span></div>';
  }
  return html;
}

function otherLegends() {
  var html = '';
  if (state.layers.power && state.layers.power.on) {
    html += '<div class="legend-title">Electricity</div>' +
      legendLine('#3f007d', 4, '', '≥ 100 kV') + legendLine('#6a51a3', 3, '', '30–100 kV') +
      legendLine('#9e9ac8', 2, '', '< 30 kV') + legendDot('#54278f', 'substation / plant');
  }
  if (state.layers.finance && state.layers.finance.on) {
    html += '<div class="legend-title">Finance</div>' + legendDot('#08519c', 'bank') +
      legendDot('#6baed6', 'ATM') + legendDot('#31a354', 'co-operative / microfinance') +
      legendDot('#80cdc1', 'mobile money / other');
  }
  if (state.layers.markets && state.layers.markets.on) {
    html += '<div class="legend-title">Markets</div>' +
      '<div><span class="swatch ring" style="border-color:#252525"></span>city / town / village</div>' +
      '<div><span class="swatch ring" style="border-color:#0570b0"></span>port / airport / market</div>';
  }
  if (state.selected) {
    html += '<div class="legend-title">Evidence (selected cluster)</div>';
    DIMENSIONS.forEach(function (d) {
      html += legendLine(EVIDENCE_COLORS[d], 3, '6 4', 'nearest for ' + DIMENSION_LABELS[d].toLowerCase());
    });
  }
  return html;
}

function legendLine(color, weight, dash, label) {
  return '<div><svg class="swatch" width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5"' +
    ' stroke="' + color + '" stroke-width="' + weight + '"' + (dash ? ' stroke-dasharray="' + dash + '"' : '') +
    '/></svg>' + esc(label) + '</div>';
}

function legendDot(color, label) {
  return '<div><span class="swatch dot" style="background:' + color + '"></span>' + esc(label) + '</div>';
}
