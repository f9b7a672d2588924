// Scores of the clusters under the current weights and score choice, and redrawing everything that shows them.
import { getJson } from './api.js';
import { loadDetail } from './cluster-panel.js';
import { drawClusters } from './cluster-layer.js';
import { API, SCORES } from './config.js';
import { renderLegend } from './legend.js';
import { fillBandOptions } from './ranking-filters.js';
import { renderTable } from './ranking-table.js';
import { refreshRegions } from './regions-view.js';
import { computeClasses } from './score-classes.js';
import { state } from './state.js';
import { $, showMessage, startTask } from './ui.js';
import { saveUrlState } from './url-state.js';
import { weightTotal, weightsQuery } from './weights.js';

var scoreSeq = 0;

/** Fetches the scores under the current weights and redraws map, legend, table and panel. */
export async function rescore() {
  if (weightTotal() <= 0) {
    $('ranking-status').textContent = 'Give at least one dimension some weight.';
    return;
  }
  var seq = ++scoreSeq;
  document.body.setAttribute('data-rescoring', 'true');
  $('ranking-status').textContent = 'Re-scoring…';
  var done = startTask('Re-scoring the clusters…');
  try {
    var fc = await getJson(API + 'scores?f=geojson&' + weightsQuery());
    if (seq !== scoreSeq) {
      return; // a newer slider position is on its way
    }
    applyScores(fc);
    $('ranking-status').textContent = state.features.length + ' clusters';
    if (state.selected) {
      loadDetail(state.selected);
    }
    refreshRegions();
    saveUrlState();
  } catch (err) {
    if (seq === scoreSeq) {
      $('ranking-status').textContent = 'Scores not available.';
      showMessage('The clusters could not be scored. ' + err.message);
    }
  } finally {
    done();
    if (seq === scoreSeq) {
      document.body.removeAttribute('data-rescoring');
    }
  }
}

export function applyScores(fc) {
  state.features = fc.features || [];
  state.byId = {};
  state.features.forEach(function (f) {
    state.byId[f.properties.cluster_grid_id] = f;
  });
  state.classes = computeClasses(state.score);
  drawClusters();
  renderLegend();
  fillBandOptions();
  renderTable();
}

export function setScore(score) {
  if (!SCORES[score]) {
    return;
  }
  state.score = score;
  $('score-select').value = score;
  state.classes = computeClasses(score);
  state.filters.band = ''; // band numbers mean other ranges for another score
  drawClusters();
  renderLegend();
  fillBandOptions();
  renderTable();
  saveUrlState();
}
