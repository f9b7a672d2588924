// The layer list: which layers exist, their switches, and loading each one the first time it is shown.
import { getAllItems, getJson } from './api.js';
import { API, CONFIG, LAYER_ORDER, WMS_SURFACES } from './config.js';
import { contextGeoJson } from './context-layers.js';
import { fmtNumber } from './format.js';
import { renderLegend } from './legend.js';
import { coverageLayer, esc } from './quality.js';
import { state } from './state.js';
import { $, showMessage, startTask } from './ui.js';
import { saveUrlState } from './url-state.js';
import { WmsImageLayer } from './wms-image-layer.js';

async function ensureContextLayer(id) {
  var entry = state.layers[id];
  if (entry.layer) {
    return entry.layer;
  }
  if (id === 'roads' && CONFIG.roadsAs === 'wms') {
    entry.layer = new WmsImageLayer('ogc/wms', 'roads', { pane: 'roads', title: 'Roads' });
    return entry.layer;
  }
  if (WMS_SURFACES[id]) {
    entry.layer = new WmsImageLayer('ogc/wms', id, { pane: id, title: WMS_SURFACES[id] });
    return entry.layer;
  }
  if (id === 'coverage') {
    entry.layer = coverageLayer(L, await getJson(API + 'coverage'), 'coverage');
    return entry.layer;
  }
  if (id === 'basemap') {
    entry.layer = L.tileLayer(CONFIG.basemap.url, {
      attribution: esc(CONFIG.basemap.attribution), maxZoom: CONFIG.basemap.maxZoom, pane: 'basemap'
    });
    return entry.layer;
  }
  var done = startTask('Loading ' + entry.title + '…');
  try {
    entry.layer = contextGeoJson(id, entry.title, await getAllItems(id));
    return entry.layer;
  } finally {
    done();
  }
}

/** Switches a layer on or off, loading it the first time. */
export async function setLayer(id, on) {
  var entry = state.layers[id];
  entry.on = on;
  var box = $('layer-toggle-' + id);
  if (box) {
    box.checked = on;
  }
  if (id === 'clusters') {
    if (on) {
      state.clusterLayer.addTo(state.map);
    } else {
      state.map.removeLayer(state.clusterLayer);
    }
  } else if (on) {
    try {
      var layer = await ensureContextLayer(id);
      if (entry.on && !state.map.hasLayer(layer)) {
        layer.addTo(state.map);
      }
    } catch (err) {
      showMessage('Layer "' + entry.title + '" could not be loaded. ' + err.message);
    }
  } else if (entry.layer) {
    state.map.removeLayer(entry.layer);
  }
  renderLegend();
  saveUrlState();
}

export function renderLayerToggles() {
  var ids = LAYER_ORDER.filter(function (id) {
    return state.layers[id];
  });
  if (state.layers.basemap) {
    ids.push('basemap');
  }
  var box = $('layer-toggles');
  box.innerHTML = ids.map(function (id) {
    var e = state.layers[id];
    return '<label class="toggle"><input type="checkbox" id="layer-toggle-' + id + '" data-layer="' + id + '"' +
      (e.on ? ' checked' : '') + '> ' + esc(e.title) +
      (e.count !== undefined ? ' <span class="muted">(' + fmtNumber(e.count, 0) + ')</span>' : '') +
      ((id === 'roads' && CONFIG.roadsAs === 'wms') || WMS_SURFACES[id] ? ' <span class="muted">WMS</span>' : '') +
      '</label>';
  }).join('');
  box.addEventListener('change', function (ev) {
    var id = ev.target.dataset.layer;
    if (id) {
      setLayer(id, ev.target.checked);
    }
  });
}

/**
 * The layers the map offers: those the server has (listed by /api/layers), all on unless the link asked for other
 * layers (asked.layers), then the WMS surfaces, the data coverage and the optional online basemap.
 */
export function registerLayers(layers, asked) {
  layers.forEach(function (l) {
    state.layers[l.id] = { title: l.title || l.id, count: l.count, on: !asked.layers || asked.layers.indexOf(l.id) >= 0 };
  });
  if (!state.layers.clusters) {
    state.layers.clusters = { title: 'Clusters', on: true };
  }
  Object.keys(WMS_SURFACES).forEach(function (id) {
    state.layers[id] = { title: WMS_SURFACES[id], on: !!asked.layers && asked.layers.indexOf(id) >= 0 };
  });
  state.layers.coverage = { title: 'Where we have data', on: !!asked.layers && asked.layers.indexOf('coverage') >= 0 };
  if (CONFIG.basemap.url) {
    state.layers.basemap = {
      title: 'Basemap (online)',
      on: asked.layers ? asked.layers.indexOf('basemap') >= 0 : !!CONFIG.basemap.on
    };
  }
}
