// "Accept these projects into the Intervention grid" (editors): the server chooses the portfolio again from the same
// inputs and writes a planned infrastructure row per project and cluster it helps; the answer lists the rows written
// and those already there (a project accepted before is never written twice).
import { editorSession } from './cluster-editing.js';
import { acceptPortfolio, scenarioGeojson } from './portfolio-api.js';
import { esc } from './quality.js';

/** The button and its status line, for an editor and a portfolio with picks; nothing otherwise. */
export function acceptHtml(portfolio) {
  if (!editorSession() || !portfolio.picks.length) {
    return '';
  }
  return '<div class="button-row"><button id="portfolio-accept" type="button" data-accept="all" title="A planned' +
    ' row in each helped cluster\'s Intervention grid, origin portfolio">Accept these projects into the' +
    ' Intervention grid</button></div><div id="portfolio-accept-status" aria-live="polite"></div>';
}

/** Accepts the picks of the portfolio chosen from choice, and shows what was written. */
export async function acceptPicks(choice) {
  var session = editorSession();
  var status = document.getElementById('portfolio-accept-status');
  var button = document.getElementById('portfolio-accept');
  if (!session || !status) {
    return;
  }
  button.disabled = true;
  status.innerHTML = '<p class="hint">Choosing the portfolio again and writing its rows…</p>';
  var r;
  try {
    r = await acceptPortfolio(choice.scenario ? await scenarioGeojson(choice.scenario) : null, choice, session);
  } catch (err) {
    r = { ok: false, problems: [err.message] };
  }
  button.disabled = false;
  status.innerHTML = r.ok ? outcomeHtml(r.outcome) : '<ul class="error-cell">' + r.problems.map(function (p) {
    return '<li>' + esc(p) + '</li>';
  }).join('') + '</ul>';
}

function outcomeHtml(o) {
  var list = function (rows, what) {
    return rows.map(function (x) {
      return '<li><code>' + esc(x.id) + '</code>' + (what ? ' — ' + esc(what(x)) : '') + '</li>';
    }).join('');
  };
  return '<p id="portfolio-accepted">' + o.written.length + (o.written.length === 1 ? ' row' : ' rows') +
    ' written to the Intervention grid' + (o.skipped.length ? ', ' + o.skipped.length + ' already there' : '') +
    '. A project shared by clusters has a row at each with its whole budget: count it once per project.</p>' +
    (o.written.length ? '<ul id="portfolio-accepted-rows">' + list(o.written) + '</ul>' : '') +
    (o.skipped.length ? '<ul id="portfolio-skipped-rows" class="muted">' + list(o.skipped, function (x) {
      return x.reason;
    }) + '</ul>' : '');
}
