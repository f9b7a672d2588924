// "Portfolio" (analysts and admins): which candidate projects a budget buys first — a stored scenario's
// interventions and, if asked, candidates made from the clusters' gaps — chosen by the server; the picks with what
// each adds, the optimality, the joint evaluation, and the cost-effectiveness curve with the budget slider on it.
import { fmtNumber } from './format.js';
import { esc } from './quality.js';
import { acceptHtml, acceptPicks } from './portfolio-accept.js';
import { choosePortfolio, scenarioGeojson } from './portfolio-api.js';
import { curveSvg, gainWithin } from './portfolio-chart.js';
import { openReport } from './portfolio-report.js';
import { $ } from './ui.js';

var session = null;
var last = null; // the last portfolio, for the slider to move along its curve
var lastChoice = null; // what it was chosen from, for its report

/** Shows the panel to a caller who may choose portfolios. */
export function wirePortfolio(caller) {
  session = caller;
  $('portfolio').hidden = false;
  $('portfolio-budget').addEventListener('input', showBudget);
  $('portfolio-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    run();
  });
  $('portfolio-result').addEventListener('click', function (ev) {
    var f = ev.target && ev.target.getAttribute('data-report');
    if (f && lastChoice) {
      report(f);
    }
    if (ev.target && ev.target.getAttribute('data-accept') && lastChoice) {
      acceptPicks(lastChoice);
    }
  });
  showBudget();
}

/** The stored scenarios whose interventions may serve as candidates. */
export function setPortfolioScenarios(scenarios) {
  var select = $('portfolio-candidates');
  var chosen = select.value;
  select.innerHTML = '<option value="">none: only those made from the gaps</option>' + scenarios.map(function (s) {
    return '<option value="' + esc(s.id) + '">' + esc(s.name) + ' (' + s.interventions + ')</option>';
  }).join('');
  select.value = chosen && scenarios.some(function (s) {
    return s.id === chosen;
  }) ? chosen : '';
}

function budget() {
  return Number($('portfolio-budget').value);
}

function showBudget() {
  $('portfolio-budget-value').textContent = fmtNumber(budget(), 0) + (last ? ' ' + last.currency : '');
  if (!last) {
    return;
  }
  $('portfolio-chart').innerHTML = curveSvg(last.curve, budget(), last.currency);
  $('portfolio-at-budget').textContent = 'On the curve, ' + fmtNumber(budget(), 0) + ' ' + last.currency +
    ' buys a gain of ' + fmtNumber(gainWithin(last.curve, budget()), 2) + '; choose again for the best portfolio' +
    ' at this budget.';
}

async function run() {
  var id = $('portfolio-candidates').value;
  var generate = $('portfolio-generate').checked;
  var out = $('portfolio-result');
  if (!id && !generate) {
    out.innerHTML = '<p class="error-cell">Choose a scenario whose interventions are the candidates, or tick the' +
      ' candidates made from the gaps.</p>';
    return;
  }
  out.innerHTML = '<p class="hint">Weighing each candidate…</p>';
  var r;
  var choice = { scenario: id, generate: generate, objective: $('portfolio-objective').value, budget: budget() };
  try {
    r = await choosePortfolio(id ? await scenarioGeojson(id) : null, choice.budget, choice.objective,
      generate, session);
  } catch (err) {
    r = { ok: false, problems: [err.message] };
  }
  if (!r.ok) {
    out.innerHTML = '<ul class="error-cell">' + r.problems.map(function (p) {
      return '<li>' + esc(p) + '</li>';
    }).join('') + '</ul>';
    return;
  }
  last = r.portfolio;
  lastChoice = choice;
  var total = last.curve.length ? last.curve[last.curve.length - 1].cumulative_cost : 0;
  var slider = $('portfolio-budget');
  slider.max = String(Math.max(Number(slider.max), Math.ceil(total / 10000) * 10000));
  out.innerHTML = resultHtml(last);
  showBudget();
}

/** The report of the portfolio shown, at the budget it was chosen for (not the slider's, if moved since). */
async function report(f) {
  var status = $('portfolio-report-status');
  status.textContent = 'Making the report…';
  var problems = await openReport(lastChoice, f, session);
  status.textContent = problems ? 'No report: ' + problems.join('; ') : '';
}

function resultHtml(p) {
  var optimal = p.optimality_gap === 0 ? 'optimal' : p.optimality_gap === null ? 'no bound (see below)'
    : 'within ' + fmtNumber(100 * p.optimality_gap, 1) + '% of the best possible';
  var rows = p.picks.map(function (x) {
    return '<tr><td title="' + esc(x.kind + ' · ' + x.origin) + '">' + esc(x.id) + '</td><td class="num">' +
      fmtNumber(x.cost, 0) + '</td><td class="num">' + fmtNumber(x.gain, 1) + '</td><td class="num" title="' +
      'chosen too under perturbed weights">' + fmtNumber(100 * x.stability, 0) + '%</td></tr>';
  }).join('');
  return '<p id="portfolio-summary">' + p.picks.length + ' of ' + p.candidates + ' candidates for ' +
    fmtNumber(p.cost, 0) + ' ' + esc(p.currency) + ': ' + esc(p.objective) + ' gain ' + fmtNumber(p.gain, 2) + ' (' +
    esc(p.method) + ', ' + optimal + ')' + (p.evaluated_gain === null ? '' : '; evaluated together ' +
    fmtNumber(p.evaluated_gain, 2)) + '.</p>' +
    (rows ? '<table id="portfolio-picks" class="compact"><thead><tr><th>Project</th><th>Cost</th><th>Gain</th>' +
      '<th>Stable</th></tr></thead><tbody>' + rows + '</tbody></table>' : '') +
    '<div class="button-row"><button id="portfolio-report" type="button" data-report="html"' +
    ' title="The printable report of these picks, in a new tab">Report</button><button id="portfolio-report-pdf"' +
    ' type="button" class="secondary" data-report="pdf">PDF</button></div>' +
    '<p id="portfolio-report-status" class="hint" aria-live="polite"></p>' + acceptHtml(p) +
    '<div id="portfolio-chart"></div><p id="portfolio-at-budget" class="hint"></p>' +
    p.warnings.map(function (w) {
      return '<p class="hint warning">' + esc(w) + '</p>';
    }).join('');
}
