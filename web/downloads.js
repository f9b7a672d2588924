// Download and share: GeoJSON and CSV of the clusters in view, the link to the view, WMS and OGC API URLs.
import { getText } from './api.js';
import { API } from './config.js';
import { state } from './state.js';
import { $, showMessage, startTask } from './ui.js';
import { saveUrlState } from './url-state.js';
import { weightsQuery } from './weights.js';

function clustersInView() {
  var view = state.map.getBounds();
  var ids = {};
  state.clusterLayer.eachLayer(function (l) {
    if (!l.feature) {
      return;
    }
    var b = l.getBounds ? l.getBounds() : L.latLngBounds([l.getLatLng(), l.getLatLng()]);
    if (view.intersects(b)) {
      ids[l.feature.properties.cluster_grid_id] = true;
    }
  });
  return ids;
}

function saveFile(name, type, text) {
  var url = URL.createObjectURL(new Blob([text], { type: type }));
  var a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () {
    URL.revokeObjectURL(url);
  }, 1000);
}

function downloadGeoJson() {
  var ids = clustersInView();
  var fc = {
    type: 'FeatureCollection',
    weights: Object.assign({}, state.weights),
    features: state.features.filter(function (f) {
      return ids[f.properties.cluster_grid_id];
    })
  };
  saveFile('clusters-in-view.geojson', 'application/geo+json', JSON.stringify(fc));
}

/** The server's CSV under the current weights, keeping the header and the rows of the clusters in view. */
async function downloadCsv() {
  var ids = clustersInView();
  var done = startTask('Preparing the CSV…');
  try {
    var csv = await getText(API + 'scores?f=csv&' + weightsQuery());
    var lines = csv.split(/\r\n/);
    var kept = [lines[0]].concat(lines.slice(1).filter(function (line) {
      return line && ids[line.split(',')[0]];
    }));
    saveFile('clusters-in-view.csv', 'text/csv', kept.join('\r\n') + '\r\n');
  } catch (err) {
    showMessage('The CSV could not be made. ' + err.message);
  } finally {
    done();
  }
}

export function wireExport() {
  var base = window.location.origin + window.location.pathname.replace(/[^/]*$/, '');
  $('wms-url').value = base + 'ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities';
  $('oapif-url').value = base + 'ogc/features';
  $('download-geojson').addEventListener('click', downloadGeoJson);
  $('download-csv').addEventListener('click', downloadCsv);
  $('copy-link').addEventListener('click', function () {
    saveUrlState();
    copyText(window.location.href, 'Link to this view copied.');
  });
  document.querySelectorAll('button.copy').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var input = $(btn.dataset.copy);
      input.select();
      copyText(input.value, 'Copied: ' + input.value);
    });
  });
}

function copyText(text, okMessage) {
  var status = $('copy-status');
  function fallback() {
    // no clipboard API (plain http on another host): leave the text selected for Ctrl+C
    status.textContent = 'Press Ctrl+C to copy: ' + text;
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(function () {
      status.textContent = okMessage;
    }, fallback);
  } else {
    fallback();
  }
}
