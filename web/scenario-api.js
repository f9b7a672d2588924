// Requests of the what-if scenarios API: list, evaluate, save and delete (writes carry the session's CSRF token),
// and the problems of a refused scenario one by one.
import { getJson } from './api.js';
import { API } from './config.js';

var BASE = API + 'scenarios';
/** The stored scenarios, asked for fresh: saving or deleting one changes the list. */
export function listScenarios() {
  return getJson(BASE, true);
}

/** The evaluation's URL: JSON, or the clusters as CSV with format 'csv'. */
export function evaluationUrl(id, format) {
  return BASE + '/' + encodeURIComponent(id) + '/evaluation' + (format ? '?f=' + format : '');
}

export function getEvaluation(id) {
  return getJson(evaluationUrl(id));
}

/** Headers of a write: JSON answers, and the session's CSRF token when it has one. */
export function writeHeaders(session, more) {
  var headers = Object.assign({ Accept: 'application/json' }, more || {});
  if (session && session.csrf) {
    headers[session.csrf.header] = session.csrf.token;
  }
  return headers;
}

/**
 * Posts a scenario (GeoJSON text); defaultName names it when the collection has no name. Resolves to
 * {ok: true, scenario} when stored, else {ok: false, status, problems: [text, …]}.
 */
export async function saveScenario(text, session, defaultName) {
  var url = BASE + (defaultName ? '?name=' + encodeURIComponent(defaultName) : '');
  var res = await fetch(url, {
    method: 'POST', headers: writeHeaders(session, { 'Content-Type': 'application/geo+json' }), body: text
  });
  var body = await res.json().catch(function () {
    return null;
  });
  if (res.status === 201 && body) {
    return { ok: true, scenario: body };
  }
  return { ok: false, status: res.status, problems: problemsOf(body, res.status) };
}

/** Deletes a scenario; throws with the server's reason when it is not deleted. */
export async function deleteScenario(id, session) {
  var res = await fetch(BASE + '/' + encodeURIComponent(id), { method: 'DELETE', headers: writeHeaders(session) });
  if (res.status !== 204) {
    var body = await res.json().catch(function () {
      return null;
    });
    throw new Error((body && body.message) || 'HTTP ' + res.status);
  }
}

/**
 * The problems of a refusal, one a line: a refused scenario's 400 lists them apart ({@code problems}); other errors
 * (not signed in, too large, busy) are one problem.
 */
export function problemsOf(body, status) {
  if (status === 400 && body && Array.isArray(body.problems) && body.problems.length) {
    return body.problems.map(String);
  }
  return [body && body.message ? String(body.message) : 'HTTP ' + status];
}

/**
 * The index among features of the intervention a problem names, or -1: the file's checks name it by position
 * ("features[3].properties.cost: …"), applying it to the data by its id ("intervention 'i2' (upgrade_road): no road
 * …"), which is its "id" property or else "i" and its position from 1.
 */
export function featureIndexOf(problem, features) {
  var m = /^features\[(\d+)\]/.exec(problem);
  if (m) {
    return Number(m[1]);
  }
  var named = /^intervention '([^']*)'/.exec(problem);
  if (!named || !features) {
    return -1;
  }
  var byPosition = -1;
  for (var i = 0; i < features.length; i++) {
    var id = (features[i].properties || {}).id;
    if (id !== undefined && id !== null && String(id) === named[1]) {
      return i;
    }
    if ((id === undefined || id === null) && 'i' + (i + 1) === named[1]) {
      byPosition = i;
    }
  }
  return byPosition;
}
