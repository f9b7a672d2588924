// Finding a cluster by name or Cluster Grid ID.
import { select } from './cluster-panel.js';
import { esc } from './quality.js';
import { state } from './state.js';
import { $, showMessage } from './ui.js';

export function fillSearch() {
  $('search-list').innerHTML = state.features.map(function (f) {
    var p = f.properties;
    return '<option value="' + esc(p.cluster_grid_id) + '">' + esc(p.name) + '</option>' +
      '<option value="' + esc(p.name) + '">' + esc(p.cluster_grid_id) + '</option>';
  }).join('');
}

function findCluster(text) {
  var q = String(text || '').trim().toLowerCase();
  if (!q) {
    return null;
  }
  var exact = state.features.filter(function (f) {
    return f.properties.cluster_grid_id.toLowerCase() === q || (f.properties.name || '').toLowerCase() === q;
  });
  if (exact.length) {
    return exact[0].properties.cluster_grid_id;
  }
  var partial = state.features.filter(function (f) {
    return (f.properties.name || '').toLowerCase().indexOf(q) >= 0 ||
      f.properties.cluster_grid_id.toLowerCase().indexOf(q) >= 0;
  });
  return partial.length ? partial[0].properties.cluster_grid_id : null;
}

export function wireSearch() {
  function go() {
    var id = findCluster($('search').value);
    if (id) {
      select(id, { zoom: true });
    } else {
      showMessage('No cluster matches "' + $('search').value + '". Try part of the name or the Cluster Grid ID.');
    }
  }
  $('search').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      go();
    }
  });
  $('search-go').addEventListener('click', go);
}
