// Scenarios side by side: the summaries of two or more ticked scenarios in one table, a column each, the best
// priority gain and gain per unit of cost in bold.
import { esc } from './quality.js';
import { getEvaluation } from './scenario-api.js';
import { showEvaluation, summaryFigures } from './scenario-evaluation.js';
import { fillScenarioView, openScenarioView } from './scenario-view.js';
import { $ } from './ui.js';

// the figures a budget is compared on, in the order a planner reads them
var COMPARED = ['total_cost', 'priority_gain', 'gain_per_cost', 'clusters_changed', 'lifted_to_target'];
var HIGHER_IS_BETTER = { priority_gain: true, gain_per_cost: true };

var compared = []; // the scenarios in the table, for their "Details" buttons

/** Evaluates each scenario ({id, name, stale}) and shows their summaries side by side. */
export async function showComparison(scenarios) {
  compared = scenarios;
  var token = openScenarioView('Compare ' + scenarios.length + ' scenarios', null);
  var results = await Promise.all(scenarios.map(function (s) {
    return getEvaluation(s.id).then(function (e) {
      return { evaluation: e };
    }, function (err) {
      return { error: err.message };
    });
  }));
  fillScenarioView(token, tableHtml(scenarios, results));
}

function best(results, key) {
  var values = results.map(function (r) {
    return r.evaluation ? r.evaluation.summary[key] : null;
  }).filter(function (v) {
    return typeof v === 'number';
  });
  return values.length > 1 ? Math.max.apply(null, values) : null;
}

function tableHtml(scenarios, results) {
  var head = '<tr><th scope="col">Figure</th>' + scenarios.map(function (s, i) {
    return '<th scope="col" class="num" data-scenario="' + esc(s.id) + '">' + esc(s.name) +
      (s.stale ? ' <span class="badge-stale" title="' + esc(s.stale_reason) + '">stale</span>' : '') +
      '<div><button type="button" class="link-button" data-details="' + i + '">Details</button></div></th>';
  }).join('') + '</tr>';
  var labels = {};
  var first = results.filter(function (r) {
    return r.evaluation;
  })[0];
  summaryFigures(first ? first.evaluation : { summary: {} }).forEach(function (f) {
    labels[f.key] = f;
  });
  var rows = COMPARED.map(function (key) {
    var top = HIGHER_IS_BETTER[key] ? best(results, key) : null;
    return '<tr data-figure="' + key + '"><th scope="row"' + (labels[key].title ? ' title="' + esc(labels[key].title) +
      '"' : '') + '>' + esc(labels[key].label) + '</th>' + results.map(function (r) {
      if (!r.evaluation) {
        return '<td class="error-cell">' + esc(r.error) + '</td>';
      }
      var f = summaryFigures(r.evaluation).filter(function (x) {
        return x.key === key;
      })[0];
      var isBest = top !== null && f.value === top;
      return '<td class="num' + (isBest ? ' best' : '') + '" data-value="' + esc(f.value) + '">' + esc(f.text) +
        '</td>';
    }).join('') + '</tr>';
  }).join('');
  return '<p class="hint">Each evaluated under the scoring profile’s weights on the data as they are now; the best ' +
    'priority gain and gain per unit of cost in bold.</p><div class="table-wrap"><table class="scenario-table" ' +
    'id="scenario-compare-table"><thead>' + head + '</thead><tbody>' + rows + '</tbody></table></div>';
}

export function wireScenarioCompare() {
  $('scenario-view-body').addEventListener('click', function (ev) {
    var button = ev.target.closest('button[data-details]');
    if (button && compared[Number(button.dataset.details)]) {
      showEvaluation(compared[Number(button.dataset.details)]);
    }
  });
}
