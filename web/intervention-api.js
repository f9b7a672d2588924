// Requests on a cluster's Intervention grid: the rows with their ETags (GET /api/clusters/{id}/interventions), and
// changes over OGC API – Features Part 4 on the interventions collection, each with the ETag it was read with.
import { headers, refusal, write } from './cluster-edit-api.js';
import { API } from './config.js';

var ITEMS = 'ogc/features/collections/interventions/items';

function item(id) {
  return ITEMS + '/' + encodeURIComponent(id);
}

/** The cluster's grid: {clusterGridId, rows: [{id, etag, category, title, status, …}]}, never from the cache. */
export async function readGrid(clusterId) {
  var res = await fetch(API + 'clusters/' + encodeURIComponent(clusterId) + '/interventions',
    { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) {
    throw await refusal(res);
  }
  return res.json();
}

/** Adds a row: properties with cluster_grid_id, category, title and the rest. */
export function createIntervention(properties, comment, session) {
  return write(ITEMS, 'POST', headers(session, { 'Content-Type': 'application/geo+json' }, comment),
    { type: 'Feature', geometry: null, properties: properties });
}

/** Changes the fields named in properties of the row tagged etag (412 when it changed since). */
export function patchIntervention(id, properties, etag, comment, session) {
  return write(item(id), 'PATCH', headers(session, { 'Content-Type': 'application/merge-patch+json',
    'If-Match': etag }, comment), { properties: properties });
}
