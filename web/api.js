// Requests to the server's API: JSON and text with readable errors, and every page of a layer's items.
import { API } from './config.js';

var PAGE_LIMIT = 10000;
var MAX_PAGES = 200;

/** A short reason from an error body: a JSON problem's message, else the text without markup. */
function errorDetail(body) {
  if (!body) {
    return '';
  }
  try {
    var json = JSON.parse(body);
    var reason = json.detail || json.message || json.error || json.title;
    if (reason) {
      return String(reason).slice(0, 300);
    }
  } catch (e) {
    // not JSON
  }
  return body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}

async function fetchOk(url, accept, cache) {
  var res;
  try {
    res = await fetch(url, { headers: { Accept: accept }, cache: cache || 'default' });
  } catch (err) {
    throw new Error('Could not reach the server for ' + url + ' (' + err.message + ')');
  }
  if (!res.ok) {
    var detail = errorDetail(await res.text());
    throw new Error('Request ' + url + ' failed with HTTP ' + res.status + (detail ? ': ' + detail : ''));
  }
  return res;
}

/** The JSON at url; fresh: neither stored nor revalidated by the browser (for answers its validators miss). */
export async function getJson(url, fresh) {
  var res = await fetchOk(url, 'application/json, application/geo+json', fresh ? 'no-store' : 'default');
  try {
    return await res.json();
  } catch (e) {
    throw new Error('The answer to ' + url + ' is not valid JSON');
  }
}

export async function getText(url) {
  return (await fetchOk(url, 'text/csv, text/plain')).text();
}

/** All features of a layer, following the "next" links page by page. */
export async function getAllItems(layerId) {
  var url = API + 'layers/' + encodeURIComponent(layerId) + '/items?limit=' + PAGE_LIMIT;
  var features = [];
  for (var page = 0; url && page < MAX_PAGES; page++) {
    var fc = await getJson(url);
    features = features.concat(fc.features || []);
    var next = (fc.links || []).filter(function (l) {
      return l.rel === 'next';
    })[0];
    url = next ? next.href : null;
  }
  return { type: 'FeatureCollection', features: features };
}
