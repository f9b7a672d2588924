// The portfolio request: the candidates (a stored scenario's interventions, or none) posted with the budget, the
// objective and whether to add candidates made from the gaps; the answer, or the refusal's problems.
import { API } from './config.js';
import { getJson } from './api.js';
import { refusal } from './cluster-edit-api.js';
import { problemsOf, writeHeaders } from './scenario-api.js';

/** The GeoJSON text of a stored scenario's interventions. */
export async function scenarioGeojson(id) {
  var s = await getJson(API + 'scenarios/' + encodeURIComponent(id), true);
  return s.geojson;
}

/**
 * Resolves to {ok: true, portfolio} or {ok: false, problems: [text, …]}; geojson may be null when generate is true.
 */
export async function choosePortfolio(geojson, budget, objective, generate, session) {
  var headers = writeHeaders(session, { 'Content-Type': 'application/geo+json' });
  var url = API + 'portfolios' + query(budget, objective, generate);
  var res = await fetch(url, { method: 'POST', headers: headers, body: geojson || '' });
  var body = await res.json().catch(function () {
    return null;
  });
  if (res.status === 200 && body) {
    return { ok: true, portfolio: body };
  }
  return { ok: false, problems: problemsOf(body, res.status) };
}

function query(budget, objective, generate) {
  return '?budget=' + encodeURIComponent(budget) + '&objective=' + encodeURIComponent(objective) + '&generate=' +
    (generate ? 'true' : 'false');
}

/**
 * Accepts every pick of the portfolio the same inputs choose (the server chooses it again). Resolves to {ok: true,
 * outcome: {picks, written: [{id, etag, …}], skipped: [{id, reason, …}]}} or {ok: false, problems: [text]}.
 */
export async function acceptPortfolio(geojson, choice, session) {
  var headers = writeHeaders(session, { 'Content-Type': 'application/geo+json' });
  var res = await fetch(API + 'portfolios/accept' + query(choice.budget, choice.objective, choice.generate),
    { method: 'POST', headers: headers, body: geojson || '' });
  if (res.status === 200) {
    return { ok: true, outcome: await res.json() };
  }
  var err = await refusal(res);
  return { ok: false, problems: [err.message] };
}
