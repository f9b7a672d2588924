// Requests of the proposals API: propose a change, list proposals, accept or reject one (writes carry the session's
// CSRF token), and a cluster's current state with its ETag, which a proposal is made against.
import { API } from './config.js';
import { writeHeaders } from './scenario-api.js';

var BASE = API + 'proposals';
var ITEMS = 'ogc/features/collections/clusters/items/';

/** The server's reason for a refusal: the register's description (naming the field), else a message. */
async function reason(res) {
  var body = await res.json().catch(function () {
    return null;
  });
  return (body && (body.description || body.message)) || 'HTTP ' + res.status;
}

/** The cluster as the register has it ({properties}) and its ETag. */
export async function clusterState(id) {
  var res = await fetch(ITEMS + encodeURIComponent(id), { headers: { Accept: 'application/geo+json' },
    cache: 'no-store' });
  if (!res.ok) {
    throw new Error(await reason(res));
  }
  return { feature: await res.json(), etag: res.headers.get('ETag') };
}

/** Posts a proposal; resolves to the stored proposal, or throws with the server's reason. */
export async function propose(proposal, session) {
  var res = await fetch(BASE, {
    method: 'POST', headers: writeHeaders(session, { 'Content-Type': 'application/json' }),
    body: JSON.stringify(proposal)
  });
  if (res.status !== 201) {
    throw new Error(await reason(res));
  }
  return res.json();
}

/** The proposals the caller may see (an editor: all), newest first; status narrows them. */
export async function listProposals(status) {
  var res = await fetch(BASE + (status ? '?status=' + encodeURIComponent(status) : ''), {
    headers: { Accept: 'application/json' }, cache: 'no-store'
  });
  if (!res.ok) {
    throw new Error(await reason(res));
  }
  return (await res.json()).proposals || [];
}

/** Accepts or rejects (decision 'accept' or 'reject') with a note; throws with the reason when refused. */
export async function decide(id, decision, note, session) {
  var res = await fetch(BASE + '/' + encodeURIComponent(id) + '/' + decision, {
    method: 'POST', headers: writeHeaders(session, { 'Content-Type': 'application/json' }),
    body: JSON.stringify({ note: note || null })
  });
  if (!res.ok) {
    throw new Error(await reason(res));
  }
  return res.json();
}
