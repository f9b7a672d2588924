// Requests that edit the cluster register (OGC API – Features Part 4 on the clusters collection: create, merge-patch,
// retire, each with the ETag it was read with) and read or restore its history. Writes carry the session's CSRF
// token and the editor's comment in the Change-Comment header; a refusal throws an Error with status and the field
// the server named.
import { API } from './config.js';
import { writeHeaders } from './scenario-api.js';

var ITEMS = 'ogc/features/collections/clusters/items';

function item(id) {
  return ITEMS + '/' + encodeURIComponent(id);
}

function history(id) {
  return API + 'clusters/' + encodeURIComponent(id) + '/history';
}

/** An Error saying why the server refused: its description, with status and field (null when it named none). */
export async function refusal(res) {
  var body = await res.json().catch(function () {
    return null;
  });
  var err = new Error((body && (body.description || body.message)) || 'HTTP ' + res.status);
  err.status = res.status;
  err.field = (body && body.field) || null;
  return err;
}

/** A write's headers: the session's CSRF token, more, and the comment for the history. */
export function headers(session, more, comment) {
  var h = writeHeaders(session, more);
  if (comment) {
    h['Change-Comment'] = encodeURIComponent(comment);
  }
  return h;
}

/** Sends a write; resolves to {feature, etag, version} (feature null for an answer without a body). */
export async function write(url, method, h, body) {
  var res = await fetch(url, {
    method: method, headers: h, body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (!res.ok) {
    throw await refusal(res);
  }
  var text = await res.text();
  return {
    feature: text ? JSON.parse(text) : null, etag: res.headers.get('ETag'),
    version: Number(res.headers.get('Cluster-Version') || res.headers.get('Intervention-Version')) || null,
    warning: res.headers.get('Warning')
  };
}

/** The cluster as the register has it now ({feature, etag}), never from the browser's cache. */
export async function readCluster(id) {
  var res = await fetch(item(id), { headers: { Accept: 'application/geo+json' }, cache: 'no-store' });
  if (!res.ok) {
    throw await refusal(res);
  }
  return { feature: await res.json(), etag: res.headers.get('ETag') };
}

/** Creates a cluster from a GeoJSON Feature; its new Cluster Grid ID is in feature.properties.cluster_grid_id. */
export function createCluster(feature, comment, session) {
  return write(ITEMS, 'POST', headers(session, { 'Content-Type': 'application/geo+json' }, comment), feature);
}

/** Applies a JSON Merge Patch to the state tagged etag (412 when the cluster has changed since). */
export function patchCluster(id, patch, etag, comment, session) {
  return write(item(id), 'PATCH', headers(session, { 'Content-Type': 'application/merge-patch+json',
    'If-Match': etag }, comment), patch);
}

/** Retires the cluster in the state tagged etag. */
export function retireCluster(id, etag, comment, session) {
  return write(item(id), 'DELETE', headers(session, { 'If-Match': etag }, comment));
}

async function readJson(url) {
  var res = await fetch(url, { headers: { Accept: 'application/json, application/geo+json' }, cache: 'no-store' });
  if (!res.ok) {
    throw await refusal(res);
  }
  return res.json();
}

/** The versions of a cluster: {clusterGridId, retired, latest, versions: [{version, action, at, actor, …}]}. */
export function readHistory(id) {
  return readJson(history(id));
}

/** One version's whole state: a GeoJSON Feature with its record in a version member. */
export function readVersion(id, version) {
  return readJson(history(id) + '/' + encodeURIComponent(version));
}

/** Makes an earlier version current again, as a new version. */
export function restoreVersion(id, version, comment, session) {
  return write(history(id) + '/' + encodeURIComponent(version) + '/restore', 'POST', headers(session, {}, comment));
}
