// Entry of the planner map (loaded by index.html): wires the page, loads the region, restores what a link asks for.
/*
 * ClusterGrid planner map: plain ES modules, no build step, no internet (Leaflet comes from the server's webjar and
 * every layer from the server's own API). The parts:
 *   config.js            settings an operator may change (optional online basemap), scores, palette, layers
 *   state.js             the state the modules share
 *   ui.js                element lookup, error messages, the loading pill
 *   api.js               requests with readable errors, a layer's items page by page
 *   format.js            numbers, distances, durations, indicator values
 *   map.js               the Leaflet map, its panes and attribution
 *   page-header.js       server health and the synthetic-data banner
 *   score-classes.js     5 colour classes per score
 *   legend.js            the legend that shows them, and the other layers' keys
 *   layer-toggles.js     the layer list and loading each layer
 *   context-layers.js    power / finance / markets (and roads as vectors) as GeoJSON
 *   wms-image-layer.js   roads and the gap surface as WMS images
 *   cluster-layer.js     the clusters on the map
 *   ranking-table.js     the sortable table with rank changes
 *   ranking-filters.js   its filters
 *   cluster-panel.js     selecting a cluster and its panel
 *   cluster-detail.js    the panel's facts, figures and indicators
 *   cluster-editing.js   editors: add, edit, retire a cluster; its history and restoring a version (cluster-fields.js
 *                        the fields, cluster-edit-form.js the form, cluster-footprint-edit.js the footprint on the
 *                        map, cluster-history.js the history, cluster-edit-api.js their requests)
 *   evidence-lines.js    the selected cluster's evidence lines
 *   weights.js           sliders that re-score
 *   scoring.js           scores under the current weights, and redrawing what shows them
 *   search.js            finding a cluster by name or ID
 *   own-layers.js        layers of your own (imported by the user): their list, WMS images, legend, click info
 *   regions-view.js      "By region": a polygon layer of your own as a choropleth of the clusters' mean score
 *   regions-table.js     its table of figures per region, and a region's popup
 *   region-report.js     links to the regional priority report: a layer's areas, an area, all clusters, the view
 *   url-state.js         the view, layers, score, weights and selection in the URL hash
 *   downloads.js         GeoJSON / CSV of the clusters in view, WMS / OGC API URLs
 *   quality.js           what the map says about unknowns (unranked clusters, missing indicators, quality flags,
 *                        data coverage)
 *   scenario-list.js     "Scenarios": the stored what-if scenarios to evaluate, compare or delete
 *   scenario-api.js      their requests: list, evaluate, save, delete, and a refusal's problems one by one
 *   scenario-kinds.js    the kinds of intervention, how each is drawn and described
 *   scenario-draft.js    "New scenario": interventions placed on the map or uploaded, saved in one request
 *   scenario-draft-map.js  placing an intervention by one click (point) or two (line), and drawing the draft
 *   scenario-view.js     the scenario panel in place of the ranking
 *   scenario-evaluation.js  an evaluation in it: summary, priced interventions, changed clusters, CSV
 *   scenario-compare.js  scenarios' summaries side by side
 *   scenario-change-view.js  the clusters coloured by how much their gap fell, with its key
 *   portfolio-panel.js   "Portfolio": what a budget buys first, the picks and the curve with the budget slider
 *   portfolio-api.js     its request; portfolio-chart.js the cost-effectiveness curve as SVG
 *   portfolio-report.js  the report of the current choice (HTML or PDF) in a new tab
 */
import { renderAccount } from './account.js';
import { getAllItems, getJson } from './api.js';
import { select, deselect, toggleRow } from './cluster-panel.js';
import { setClusterClickHandler } from './cluster-layer.js';
import { API, DIMENSIONS, SCORES } from './config.js';
import { wireExport } from './downloads.js';
import { registerLayers, renderLayerToggles, setLayer } from './layer-toggles.js';
import { addAttributions, createMap } from './map.js';
import { loadOwnLayers } from './own-layers.js';
import { renderHealth, renderSyntheticBanner } from './page-header.js';
import { fillFilterOptions, wireFilters } from './ranking-filters.js';
import { renderTable, wireTable } from './ranking-table.js';
import { wireRegionReport } from './region-report.js';
import { wireRegionTable } from './regions-table.js';
import { wireRegions } from './regions-view.js';
import { applyScores, rescore, setScore } from './scoring.js';
import { hideChangeView } from './scenario-change-view.js';
import { wireScenarios } from './scenario-list.js';
import { fillSearch, wireSearch } from './search.js';
import { state } from './state.js';
import { $, clearTasks, showMessage, startTask } from './ui.js';
import { enableUrlSaving, readUrlState, saveUrlState } from './url-state.js';
import { profileWeights, renderWeights, setWeights, weightsQuery } from './weights.js';

function wireKeys() {
  $('detail-close').addEventListener('click', function () {
    deselect(true);
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && state.selected && !state.placing) { // Escape while placing cancels only that
      var row = document.querySelector('#ranking-table tr[data-id="' + state.selected + '"]');
      deselect(true);
      if (row) {
        var again = document.querySelector('#ranking-table tr[data-id="' + row.dataset.id + '"]');
        if (again) {
          again.focus();
        }
      }
    }
  });
  $('score-select').addEventListener('change', function (ev) {
    hideChangeView(); // a score chosen means the map coloured by it again
    setScore(ev.target.value);
  });
}

/** What a request answers, or else the fallback after a message that says what failed and why. */
function orFallback(request, failed, fallback) {
  return request.catch(function (err) {
    showMessage(failed + ' ' + err.message);
    return fallback;
  });
}

async function start() {
  var t0 = performance.now();
  var asked = readUrlState();
  state.map = createMap();
  wireKeys();
  setClusterClickHandler(function (id) {
    if (!state.placing) { // a click placing a scenario's intervention is not a choice of cluster
      select(id, { zoom: false, scrollRow: true });
    }
  });
  wireTable(toggleRow);
  wireRegions();
  wireRegionTable();
  wireFilters();
  wireSearch();
  wireExport();
  wireRegionReport();
  var scenariosListed = wireScenarios();

  renderAccount();
  getJson(API + 'health').then(renderHealth).catch(function (err) {
    $('health').textContent = 'Server status unknown';
    $('health').className = 'health health-down';
    showMessage(err.message);
  });

  var done = startTask('Loading the region…');
  var profile, layers, datasets, register, baseline;
  try {
    // all independent: ask for them at once
    var results = await Promise.all([
      orFallback(getJson(API + 'scoring/profile'), 'The scoring profile could not be loaded; equal weights are used.',
        { name: '?', weights: { roads: 0.25, power: 0.25, finance: 0.25, markets: 0.25 } }),
      orFallback(getJson(API + 'layers'), 'The list of layers could not be loaded.', []),
      orFallback(getJson(API + 'datasets'), 'The datasets could not be loaded.', []),
      orFallback(getAllItems('clusters'), 'The cluster register could not be loaded.', { features: [] }),
      orFallback(getJson(API + 'scores?f=geojson'), 'The clusters could not be scored.', { features: [] })
    ]);
    profile = results[0];
    layers = results[1];
    datasets = results[2];
    register = results[3];
    baseline = results[4];
  } finally {
    done();
  }

  state.profile = profile;
  state.datasets = datasets;
  renderSyntheticBanner(datasets);
  addAttributions(datasets);
  register.features.forEach(function (f) {
    var p = f.properties || {};
    if (p.cluster_grid_id) {
      state.register[p.cluster_grid_id] = p;
    }
  });
  (baseline.features || []).forEach(function (f) {
    state.baselineRank[f.properties.cluster_grid_id] = f.properties.rank;
  });

  registerLayers(layers, asked);
  renderLayerToggles();

  setWeights(asked.weights || profileWeights());
  renderWeights(rescore);
  if (asked.score && SCORES[asked.score]) {
    state.score = asked.score;
  }
  $('score-select').value = state.score;
  ['typology', 'sector', 'country', 'band'].forEach(function (k) {
    if (asked[k] !== undefined) {
      state.filters[k] = asked[k];
    }
  });

  // the baseline already is the profile's scoring; ask again only when the link carries other weights
  var sameAsProfile = DIMENSIONS.every(function (d) {
    return state.weights[d] === profileWeights()[d];
  });
  applyScores(sameAsProfile ? baseline : await orFallback(getJson(API + 'scores?f=geojson&' + weightsQuery()),
    'The clusters could not be scored with the weights of the link.', baseline));
  fillFilterOptions();
  fillSearch();
  renderTable();
  $('ranking-status').textContent = state.features.length ? state.features.length + ' clusters'
    : 'Scores not available';

  if (asked.view) {
    state.map.setView(asked.view.center, asked.view.zoom);
  } else if (state.clusterLayer && state.features.length) {
    state.map.fitBounds(state.clusterLayer.getBounds().pad(0.1));
  } else {
    var ext = (layers.filter(function (l) {
      return l.extent;
    })[0] || {}).extent;
    if (ext) {
      state.map.fitBounds([[ext[1], ext[0]], [ext[3], ext[2]]]);
    }
  }
  state.layers.clusters.on = !asked.layers || asked.layers.indexOf('clusters') >= 0;
  if (!state.layers.clusters.on) {
    state.map.removeLayer(state.clusterLayer);
  }

  // the clusters are on the map now: the figure the browser test reports as load time
  window.clusterGridMetrics = {
    clustersDrawnMs: performance.now(),
    startMs: t0,
    clusters: state.features.length
  };
  document.body.setAttribute('data-clusters-drawn', 'true');

  // context layers load after the clusters, so the map is readable as soon as possible
  var loads = Object.keys(state.layers).filter(function (id) {
    return id !== 'clusters' && state.layers[id].on;
  }).map(function (id) {
    return setLayer(id, true);
  });
  loads.push(loadOwnLayers(asked));
  loads.push(scenariosListed);
  enableUrlSaving();
  if (asked.selected && state.byId[asked.selected]) {
    // restore the selection without moving the view the link asked for
    state.viewBeforeSelect = null;
    await select(asked.selected, { zoom: !asked.view });
  }
  await Promise.all(loads);
  saveUrlState();
  document.body.setAttribute('data-ready', 'true');
}

document.addEventListener('DOMContentLoaded', function () {
  start().catch(function (err) {
    clearTasks();
    showMessage('The page could not start: ' + err.message);
    document.body.setAttribute('data-ready', 'error');
  });
});
