// The view, score, weights, layers, filters and selection kept in the URL hash, and read back from a link.
import { DIMENSIONS } from './config.js';
import { state } from './state.js';

/**
 * The state a link restores, in the hash so that changing it never reloads the page:
 * #map=zoom/lat/lon&score=gap&w=25,25,25,25&layers=clusters,roads&own=districts&by=districts&sel=CG-XX-000007&…
 * The same keys are also read from the query string, for links written by hand or by other tools.
 */
export function readUrlState() {
  var params = new URLSearchParams(window.location.search);
  var hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  hash.forEach(function (v, k) {
    params.set(k, v);
  });
  var out = {};
  var m = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(params.get('map') || '');
  if (m) {
    out.view = { zoom: Number(m[1]), center: L.latLng(Number(m[2]), Number(m[3])) };
  }
  if (params.get('score')) {
    out.score = params.get('score');
  }
  if (params.get('w')) {
    var parts = params.get('w').split(',').map(Number);
    if (parts.length === 4 && parts.every(function (x) {
      return !isNaN(x) && x >= 0 && x <= 100;
    })) {
      out.weights = {};
      DIMENSIONS.forEach(function (d, i) {
        out.weights[d] = parts[i];
      });
    }
  }
  if (params.has('layers')) {
    out.layers = params.get('layers').split(',').filter(Boolean);
  }
  if (params.get('sel')) {
    out.selected = params.get('sel');
  }
  // layers of your own and the one summed up by region: keys of their own, as their names are the user's
  if (params.has('own')) {
    out.own = params.get('own').split(',').filter(Boolean);
  }
  if (params.get('by')) {
    out.by = params.get('by');
  }
  ['typology', 'sector', 'country', 'band'].forEach(function (k) {
    if (params.get(k)) {
      out[k] = params.get(k);
    }
  });
  return out;
}

var urlReady = false;

/** From now on every change is written to the URL: called once the state a link asked for is restored. */
export function enableUrlSaving() {
  urlReady = true;
}

export function saveUrlState() {
  if (!urlReady) {
    return; // not before the state a link asked for is restored
  }
  var c = state.map.getCenter();
  var z = state.map.getZoom();
  var parts = [
    'map=' + z + '/' + c.lat.toFixed(5) + '/' + c.lng.toFixed(5),
    'score=' + state.score,
    'w=' + DIMENSIONS.map(function (d) {
      return state.weights[d];
    }).join(','),
    'layers=' + Object.keys(state.layers).filter(function (id) {
      return state.layers[id].on;
    }).join(',')
  ];
  var own = Object.keys(state.own).filter(function (name) {
    return state.own[name].on;
  });
  if (own.length) {
    parts.push('own=' + own.join(','));
  }
  if (state.regionLayer) {
    parts.push('by=' + state.regionLayer);
  }
  if (state.selected) {
    parts.push('sel=' + encodeURIComponent(state.selected));
  }
  ['typology', 'sector', 'country', 'band'].forEach(function (k) {
    if (state.filters[k] !== '') {
      parts.push(k + '=' + encodeURIComponent(state.filters[k]));
    }
  });
  history.replaceState(null, '', window.location.pathname + '#' + parts.join('&'));
}
