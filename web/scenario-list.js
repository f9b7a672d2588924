// The "Scenarios" panel: the stored what-if scenarios (who made them, when, stale or not), each to evaluate, tick for
// comparison or (analysts and admins) delete; and, for them, the form for a new one.
import { esc } from './quality.js';
import { setPortfolioScenarios, wirePortfolio } from './portfolio-panel.js';
import { deleteScenario, listScenarios } from './scenario-api.js';
import { showComparison, wireScenarioCompare } from './scenario-compare.js';
import { wireScenarioDraft } from './scenario-draft.js';
import { showEvaluation, wireScenarioEvaluation } from './scenario-evaluation.js';
import { closeScenarioView, shownScenarioId, wireScenarioView } from './scenario-view.js';
import { $, showMessage } from './ui.js';

// the roles that include making scenarios (each role includes the ones before it)
var EDITING_ROLES = ['analyst', 'editor', 'admin'];

var scenarios = null; // null until listed
var ticked = {}; // id -> true, for the comparison
var session = null; // set when the caller may make and delete scenarios

function byId(id) {
  return (scenarios || []).filter(function (s) {
    return s.id === id;
  })[0];
}

function when(iso) {
  var d = new Date(iso);
  return isNaN(d) ? String(iso || '') : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function itemHtml(s) {
  var count = s.interventions + (s.interventions === 1 ? ' intervention' : ' interventions');
  return '<li class="scenario-item" data-id="' + esc(s.id) + '"><div class="scenario-head"><label>' +
    '<input type="checkbox" data-compare="' + esc(s.id) + '"' + (ticked[s.id] ? ' checked' : '') +
    ' aria-label="Compare ' + esc(s.name) + '"> <strong class="scenario-name">' + esc(s.name) + '</strong></label>' +
    (s.stale ? ' <span class="badge-stale" tabindex="0" title="' + esc(s.stale_reason) + '">stale</span>' : '') +
    '</div>' + (s.description ? '<div class="hint">' + esc(s.description) + '</div>' : '') +
    '<div class="hint scenario-meta">' + esc(count) + ' · ' + esc(s.created_by) + ' · ' + esc(when(s.created_at)) +
    '</div><div class="button-row"><button type="button" class="secondary" data-evaluate="' + esc(s.id) +
    '">Evaluate</button>' + (session ? '<button type="button" class="secondary danger" data-delete="' + esc(s.id) +
    '">Delete</button>' : '') + '</div></li>';
}

function render() {
  Object.keys(ticked).forEach(function (id) {
    if (!byId(id)) {
      delete ticked[id];
    }
  });
  $('scenario-list').innerHTML = scenarios.length ? scenarios.map(itemHtml).join('')
    : '<li class="muted">No scenarios yet.</li>';
  renderCompareButton();
  setPortfolioScenarios(scenarios);
}

function renderCompareButton() {
  var n = Object.keys(ticked).length;
  $('scenario-compare').disabled = n < 2;
  $('scenario-compare').textContent = n < 2 ? 'Compare (tick two or more)' : 'Compare ' + n + ' scenarios';
}

/** Asks the server for the scenarios again and lists them. */
export async function refreshScenarios() {
  try {
    scenarios = await listScenarios();
  } catch (err) {
    $('scenario-list').innerHTML = '<li class="error-cell">The scenarios could not be listed.</li>';
    showMessage('The scenarios could not be listed. ' + err.message);
    return;
  }
  render();
  $('scenario-list').setAttribute('data-loaded', 'true');
}

async function remove(s) {
  if (!window.confirm('Delete the scenario “' + s.name + '”? This cannot be undone.')) {
    return;
  }
  try {
    await deleteScenario(s.id, session);
  } catch (err) {
    showMessage('The scenario “' + s.name + '” could not be deleted: ' + err.message);
    return;
  }
  if (shownScenarioId() === s.id) {
    closeScenarioView();
  }
  delete ticked[s.id];
  await refreshScenarios();
}

/** Lists the scenarios and wires the panel; anyone who may read may evaluate and compare. */
export function wireScenarios() {
  wireScenarioView();
  wireScenarioEvaluation();
  wireScenarioCompare();
  var list = $('scenario-list');
  list.addEventListener('click', function (ev) {
    var evaluate = ev.target.closest('button[data-evaluate]');
    var del = ev.target.closest('button[data-delete]');
    if (evaluate && byId(evaluate.dataset.evaluate)) {
      showEvaluation(byId(evaluate.dataset.evaluate));
    } else if (del && byId(del.dataset.delete)) {
      remove(byId(del.dataset.delete));
    }
  });
  list.addEventListener('change', function (ev) {
    var box = ev.target.closest('input[data-compare]');
    if (box) {
      if (box.checked) {
        ticked[box.dataset.compare] = true;
      } else {
        delete ticked[box.dataset.compare];
      }
      renderCompareButton();
    }
  });
  $('scenario-compare').addEventListener('click', function () {
    var chosen = (scenarios || []).filter(function (s) {
      return ticked[s.id];
    });
    if (chosen.length >= 2) {
      showComparison(chosen);
    }
  });
  return refreshScenarios();
}

/**
 * For a caller who may make scenarios (as the session tells): the new-scenario form, the Delete buttons and the
 * portfolio.
 */
export function enableScenarioEditing(caller) {
  if (!caller || !caller.csrf || EDITING_ROLES.indexOf(caller.role) < 0) {
    return;
  }
  session = caller;
  wireScenarioDraft(caller, function () {
    refreshScenarios();
  });
  wirePortfolio(caller);
  if (scenarios) {
    render(); // with Delete buttons now; a list still on its way gets them when it comes
  }
}
