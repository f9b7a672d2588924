// Layers of your own (imported with "import layer … --as NAME"): their list, drawn by the WMS beneath the clusters,
// their legend and attribution, and what a click on them finds.
import { API } from './config.js';
import { getJson } from './api.js';
import { fmtNumber } from './format.js';
import { addLegendPart, renderLegend } from './legend.js';
import { esc } from './quality.js';
import { hideRegions, showRegions } from './regions-view.js';
import { state } from './state.js';
import { $, showMessage } from './ui.js';
import { saveUrlState } from './url-state.js';
import { viewParams, WmsImageLayer } from './wms-image-layer.js';

var KIND_WORDS = {
  point: ['point', 'points'], line: ['line', 'lines'], polygon: ['area', 'areas'], mixed: ['feature', 'features']
};
// the order they were switched on: the last is drawn on top, so a click asks it first
var drawOrder = [];

/** "3 areas", "1 point": what a planner calls the features of a geometry kind; a raster's values. */
function countText(meta) {
  if (meta.raster) {
    return 'raster, values ' + fmtNumber(meta.min, 0) + '–' + fmtNumber(meta.max, 0);
  }
  var w = KIND_WORDS[meta.geometry] || ['feature', 'features'];
  return fmtNumber(meta.featureCount, 0) + ' ' + (meta.featureCount === 1 ? w[0] : w[1]);
}

function attributionOf(meta) {
  var text = meta.attribution || '';
  if (meta.licence && text.indexOf(meta.licence) < 0) {
    text += (text ? ' ' : '') + '(' + meta.licence + ')';
  }
  return text ? esc(text) : null;
}

/** Whether a layer can be summed up by region: the server sums polygons (a mixed layer's polygons too). */
function hasAreas(meta) {
  return !meta.raster && (meta.geometry === 'polygon' || meta.geometry === 'mixed');
}

/**
 * Asks the server for the layers of your own and lists them under "Your layers" (hidden when there are none),
 * switched on as the link asks (asked.own). Resolves when those asked for are drawn.
 */
export async function loadOwnLayers(asked) {
  var list;
  try {
    var lists = await Promise.all([getJson(API + 'context-layers'), getJson(API + 'raster-layers')]);
    list = lists[0].concat(lists[1].map(function (meta) {
      return Object.assign({ raster: true }, meta);
    }));
  } catch (err) {
    showMessage('Your own layers could not be listed. ' + err.message);
    return;
  }
  list.forEach(function (meta) {
    state.own[meta.name] = { meta: meta, on: false, layer: null };
  });
  renderOwnList();
  addLegendPart('more', ownLegends);
  state.map.on('click', identify);
  (asked.own || []).forEach(function (name) {
    if (state.own[name]) {
      setOwnLayer(name, true);
    }
  });
  if (asked.by && state.own[asked.by] && hasAreas(state.own[asked.by].meta)) {
    await showRegions(asked.by, state.own[asked.by].meta.title);
  }
}

function renderOwnList() {
  var names = Object.keys(state.own);
  $('own-layers').hidden = names.length === 0;
  var box = $('own-list');
  box.innerHTML = names.map(function (name) {
    var m = state.own[name].meta;
    return '<div class="own-layer"><label class="toggle"><input type="checkbox" id="own-toggle-' + name +
      '" data-own="' + name + '"> ' + esc(m.title || name) + ' <span class="muted">(' + countText(m) +
      ')</span></label>' + (hasAreas(m) ? '<button type="button" class="secondary by-region" data-by="' + name +
      '" aria-pressed="false" title="Sum the clusters\' scores up by each area of ' + esc(m.title || name) +
      '">By region</button>' : '') + '</div>';
  }).join('');
  box.addEventListener('change', function (ev) {
    if (ev.target.dataset.own) {
      setOwnLayer(ev.target.dataset.own, ev.target.checked);
    }
  });
  box.addEventListener('click', function (ev) {
    var name = ev.target.dataset && ev.target.dataset.by;
    if (name) {
      if (state.regionLayer === name) {
        hideRegions();
      } else {
        showRegions(name, state.own[name].meta.title || name);
      }
    }
  });
}

/** Shows or hides a layer of your own, drawn by the WMS as one image of the view. */
export function setOwnLayer(name, on) {
  var entry = state.own[name];
  entry.on = on;
  $('own-toggle-' + name).checked = on;
  drawOrder = drawOrder.filter(function (n) {
    return n !== name;
  });
  if (on) {
    if (!entry.layer) {
      entry.layer = new WmsImageLayer('ogc/wms', name, {
        pane: 'own', title: entry.meta.title || name, attribution: attributionOf(entry.meta)
      });
    }
    // images go into the pane in the order of adding, so the last switched on is on top, as drawOrder says
    drawOrder.push(name);
    entry.layer.addTo(state.map);
  } else if (entry.layer) {
    state.map.removeLayer(entry.layer);
  }
  renderLegend();
  saveUrlState();
}

function ownLegends() {
  return drawOrder.slice().reverse().map(function (name) {
    var title = state.own[name].meta.title || name;
    // the legend graphic shows the layer's title above its symbols
    return '<img alt="' + esc(title) + ' legend" src="ogc/wms?SERVICE=WMS&amp;VERSION=1.3.0&amp;' +
      'REQUEST=GetLegendGraphic&amp;LAYER=' + name + '&amp;FORMAT=image/png">';
  }).join('');
}

/**
 * A click on the map where no cluster (or region) was hit: what the shown layers of your own have there, by WMS
 * GetFeatureInfo on the image as drawn, the topmost first.
 */
async function identify(ev) {
  if (!drawOrder.length || state.placing) {
    return;
  }
  var map = state.map;
  var names = drawOrder.slice().reverse().join(',');
  var p = map.latLngToContainerPoint(ev.latlng);
  var url = 'ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=' + names + '&QUERY_LAYERS=' + names +
    '&STYLES=' + viewParams(map) + '&I=' + Math.round(p.x) + '&J=' + Math.round(p.y) +
    '&INFO_FORMAT=application/json&FEATURE_COUNT=3';
  var found;
  try {
    found = await getJson(url);
  } catch (err) {
    showMessage('What lies here could not be looked up. ' + err.message);
    return;
  }
  var features = found.features || [];
  if (features.length) {
    L.popup({ maxWidth: 360, maxHeight: 300 }).setLatLng(ev.latlng).setContent(features.map(featureHtml).join(''))
      .openOn(map);
  }
}

function featureHtml(f) {
  var p = f.properties || {};
  var own = state.own[p.layer];
  var rows = Object.keys(p).filter(function (k) {
    return k !== 'layer' && k !== 'fid' && k !== 'value_missing';
  }).map(function (k) {
    var v = p[k];
    var why = p.value_missing && k === 'value' ? p.value_missing : 'Not given in the layer\'s file';
    var shown = v === null || v === undefined || v === '' ?
      '<span class="unknown" title="' + esc(why) + '">—</span>' : esc(v);
    return '<tr><th scope="row">' + esc(k) + '</th><td>' + shown + '</td></tr>';
  });
  return '<div class="popup own-popup" data-layer="' + esc(p.layer) + '"><div class="popup-layer">' +
    esc(own ? own.meta.title || p.layer : p.layer) + ' <span class="muted">' +
    (p.fid !== undefined ? '#' + esc(p.fid) : 'cell ' + esc(p.column) + ', ' + esc(p.row)) + '</span></div>' +
    '<table>' + rows.join('') + '</table></div>';
}
