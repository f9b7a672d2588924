// A scenario's evaluation in the scenario panel: what it costs and buys, its interventions priced, the clusters it
// changes (most priority fall first, a row selects its cluster), the CSV, and the map's change view.
import { toggleRow } from './cluster-panel.js';
import { fmtFixed, fmtNumber, fmtSignificant } from './format.js';
import { esc } from './quality.js';
import { evaluationUrl, getEvaluation } from './scenario-api.js';
import { changeViewShown, hideChangeView, onChangeView, showChangeView } from './scenario-change-view.js';
import { kindLabel } from './scenario-kinds.js';
import { fillScenarioView, isCurrent, openScenarioView } from './scenario-view.js';
import { state } from './state.js';
import { $ } from './ui.js';

var shown = null; // the evaluation in the panel

/** The summary's figures as the panel and the comparison show them: [{key, label, value, text}]. */
export function summaryFigures(e) {
  var s = e.summary || {};
  var cur = e.currency || '';
  return [
    { key: 'total_cost', label: 'Cost', value: s.total_cost, text: fmtNumber(s.total_cost, 0) + ' ' + cur },
    { key: 'clusters_changed', label: 'Clusters changed', value: s.clusters_changed,
      text: fmtNumber(s.clusters_changed, 0) },
    { key: 'priority_gain', label: 'Priority gain', value: s.priority_gain, text: fmtNumber(s.priority_gain, 1),
      title: 'Σ size × fall of the gap: the fall of the priority' },
    { key: 'gain_per_cost', label: 'Gain per ' + cur, value: s.gain_per_cost,
      text: s.gain_per_cost === null || s.gain_per_cost === undefined ? '— (nothing spent)'
        : fmtSignificant(s.gain_per_cost, 3), title: 'Priority gain per unit of cost' },
    { key: 'lifted_to_target', label: 'Lifted to target', value: s.lifted_to_target,
      text: fmtNumber(s.lifted_to_target, 0), title: 'Clusters with a gap before and none after' },
    { key: 'gap_closed', label: 'Gap closed', value: s.gap_closed, text: fmtNumber(s.gap_closed, 1),
      title: 'Σ gap before − gap after, unweighted' },
    { key: 'firms_reached', label: 'Firms reached', value: s.firms_reached, text: fmtNumber(s.firms_reached, 0),
      title: 'In the clusters whose gap fell' },
    { key: 'workers_reached', label: 'Workers reached', value: s.workers_reached,
      text: fmtNumber(s.workers_reached, 0), title: 'In the clusters whose gap fell' }
  ];
}

/** Evaluates the scenario (a listed one: {id, name, stale, stale_reason}) and shows it. */
export async function showEvaluation(scenario) {
  var token = openScenarioView(scenario.name, scenario.id);
  shown = null;
  var e;
  try {
    e = await getEvaluation(scenario.id);
  } catch (err) {
    fillScenarioView(token, '<p class="error-cell">The scenario could not be evaluated. ' + esc(err.message) +
      '</p>');
    return;
  }
  if (!isCurrent(token)) {
    return;
  }
  shown = e;
  fillScenarioView(token, evaluationHtml(e));
  showChangeView(e);
}

function evaluationHtml(e) {
  var figures = summaryFigures(e).map(function (f) {
    return '<dt' + (f.title ? ' title="' + esc(f.title) + '"' : '') + '>' + esc(f.label) + '</dt><dd data-key="' +
      f.key + '" data-value="' + esc(f.value) + '">' + esc(f.text) + '</dd>';
  }).join('');
  var warnings = (e.summary.warnings || []).map(function (w) {
    return '<li>' + esc(w) + '</li>';
  }).join('');
  return (e.stale ? '<p class="stale-note"><span class="badge-stale">stale</span> ' + esc(e.stale_reason) +
    '</p>' : '') +
    '<p class="hint">Before and after under the scoring profile’s weights, on the data as they are now.</p>' +
    '<dl class="facts scenario-summary">' + figures + '</dl>' +
    (warnings ? '<section class="quality scenario-warnings"><h3>Warnings</h3><ul>' + warnings + '</ul></section>'
      : '') +
    '<div class="button-row"><button type="button" id="scenario-change-toggle" class="secondary toggle-button"' +
    ' aria-pressed="true">Colour the map by gap fall</button><a id="scenario-csv" class="button-link" href="' +
    esc(evaluationUrl(e.id, 'csv')) + '" download>CSV of every cluster</a></div>' +
    '<h3 class="control-subtitle">Interventions</h3>' + interventionsHtml(e) +
    '<h3 class="control-subtitle">Clusters changed</h3>' + changedHtml(e);
}

function interventionsHtml(e) {
  var rows = (e.interventions || []).map(function (x) {
    return '<tr data-intervention="' + esc(x.id) + '"><td>' + esc(x.id) + '</td><td>' + esc(kindLabel(x.kind)) +
      (x.name ? ' “' + esc(x.name) + '”' : '') + '</td><td class="num">' + fmtNumber(x.cost, 0) +
      '</td><td class="num">' + (typeof x.km === 'number' ? fmtNumber(x.km, 2) : '') + '</td><td class="basis">' +
      esc(x.basis) + '</td></tr>';
  }).join('');
  return '<div class="table-wrap"><table class="scenario-table" id="scenario-interventions"><thead><tr>' +
    '<th scope="col">ID</th><th scope="col">What</th><th scope="col" class="num">Cost (' + esc(e.currency) +
    ')</th><th scope="col" class="num">km</th><th scope="col">How priced</th></tr></thead><tbody>' + rows +
    '</tbody></table></div>';
}

function fall(r) {
  return typeof r.priority_before === 'number' && typeof r.priority_after === 'number'
    ? r.priority_before - r.priority_after : -Infinity;
}

function beforeAfter(before, after, decimals) {
  return '<td class="num">' + fmtFixed(before, decimals) + ' → ' + fmtFixed(after, decimals) + '</td>';
}

function rankChange(r) {
  return r.rank_before === r.rank_after ? 'rank ' + fmtNumber(r.rank_before, 0)
    : 'rank ' + fmtNumber(r.rank_before, 0) + ' → ' + fmtNumber(r.rank_after, 0);
}

/** The clusters that changed, the largest fall of priority first. */
function changedHtml(e) {
  var rows = (e.clusters || []).filter(function (r) {
    return r.changed;
  }).sort(function (a, b) {
    return fall(b) - fall(a) || String(a.cluster_grid_id).localeCompare(String(b.cluster_grid_id));
  });
  if (!rows.length) {
    return '<p class="muted">No cluster changes.</p>';
  }
  return '<div class="table-wrap"><table class="scenario-table" id="scenario-changes"><caption class="hint">Most' +
    ' priority fall first. Click a cluster to show it; point at it for the indicators that changed.</caption>' +
    '<thead><tr><th scope="col">Cluster</th>' +
    '<th scope="col" class="num">Priority</th><th scope="col" class="num">Gap</th><th scope="col" class="num">' +
    'Score</th></tr></thead><tbody>' + rows.map(function (r) {
    return '<tr tabindex="0" data-id="' + esc(r.cluster_grid_id) + '" title="' + esc(r.indicators_changed) + '">' +
      '<td class="name">' + esc(r.name) + '<div class="id">' + esc(r.cluster_grid_id) + ' · ' + rankChange(r) +
      '</div></td>' + beforeAfter(r.priority_before, r.priority_after, 0) +
      beforeAfter(r.gap_before, r.gap_after, 1) + beforeAfter(r.composite_before, r.composite_after, 1) + '</tr>';
  }).join('') + '</tbody></table></div>';
}

function chooseRow(tr) {
  if (tr && state.byId[tr.dataset.id]) {
    toggleRow(tr.dataset.id);
  }
}

export function wireScenarioEvaluation() {
  var body = $('scenario-view-body');
  body.addEventListener('click', function (ev) {
    if (ev.target.closest('#scenario-change-toggle')) {
      if (changeViewShown()) {
        hideChangeView();
      } else if (shown) {
        showChangeView(shown);
      }
      return;
    }
    chooseRow(ev.target.closest('#scenario-changes tr[data-id]'));
  });
  body.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' || ev.key === ' ') {
      var tr = ev.target.closest('#scenario-changes tr[data-id]');
      if (tr) {
        ev.preventDefault();
        chooseRow(tr);
      }
    }
  });
  onChangeView(function (on) {
    var button = $('scenario-change-toggle');
    if (button) {
      button.setAttribute('aria-pressed', String(on));
    }
  });
}
