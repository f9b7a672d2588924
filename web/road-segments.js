// Road segments of the data as a road upgrade names them: the one under a click (by the roads WMS layer's
// GetFeatureInfo, which hit-tests the roads as they are drawn, nearest first, within a few pixels), one by its id,
// and what a planner reads of one (name, class, surface, length).
import { getJson } from './api.js';
import { API } from './config.js';
import { fmtDistance } from './format.js';
import { viewParams } from './wms-image-layer.js';

// an uploaded file's upgrades are drawn from their segments, asked for one request each: at most this many
var MAX_LOOKUPS = 200;

var known = {}; // road id -> {id, geometry, properties}: those picked or looked up, for drawing the draft
var absent = {}; // road id -> true: looked up and not found, so not asked for again

/**
 * Starts looking up the road segment drawn nearest the click, within the WMS's tolerance of a few pixels; resolves
 * to the segment ({id, geometry, properties}) or null when no road is drawn there. The URL is made at once, so the
 * answer is about the view the planner clicked in even if the map moves meanwhile.
 */
export function roadSegmentAt(map, latlng) {
  var p = map.latLngToContainerPoint(latlng);
  var url = 'ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=roads&QUERY_LAYERS=roads&STYLES=' +
    viewParams(map) + '&I=' + Math.floor(p.x) + '&J=' + Math.floor(p.y) + '&INFO_FORMAT=application/json' +
    '&FEATURE_COUNT=1';
  return getJson(url, true).then(function (found) {
    var f = (found.features || [])[0];
    return f ? remember(f) : null;
  });
}

function remember(f) {
  var segment = { id: String(f.id), geometry: f.geometry, properties: f.properties || {} };
  known[segment.id] = segment;
  return segment;
}

/** A segment picked or looked up before, or undefined. */
export function knownSegment(id) {
  return known[id];
}

/**
 * Looks up the segments of ids not seen yet (an uploaded file's upgrades), so the draft can draw them; resolves
 * once all have answered. A segment the data lack is left out: saving the scenario names it as a problem.
 */
export function lookUpSegments(ids) {
  var missing = ids.filter(function (id) {
    return typeof id === 'string' && !known[id] && !absent[id];
  }).slice(0, MAX_LOOKUPS);
  return Promise.all(missing.map(function (id) {
    absent[id] = true; // until it answers: a draft drawn again meanwhile does not ask twice
    return getJson(API + 'layers/roads/items/' + encodeURIComponent(id)).then(function (f) {
      delete absent[id];
      return remember(f);
    }, function () {
      return null;
    });
  }));
}

/** The lines of a LineString or MultiLineString, each as Leaflet positions (latitude first). */
export function linesOf(geometry) {
  if (!geometry || !Array.isArray(geometry.coordinates)) {
    return [];
  }
  var lines = geometry.type === 'LineString' ? [geometry.coordinates]
    : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  return lines.map(function (line) {
    return line.filter(Array.isArray).map(function (c) {
      return L.latLng(c[1], c[0]);
    });
  });
}

/** Length along the segment in metres, on the sphere (as the map's scale bar measures). */
export function lengthOf(geometry) {
  return linesOf(geometry).reduce(function (sum, line) {
    for (var i = 1; i < line.length; i++) {
      sum += line[i - 1].distanceTo(line[i]);
    }
    return sum;
  }, 0);
}

function words(text) {
  return String(text).replace(/_/g, ' ');
}

/** "Prithvi Highway (NH04)", or "Unnamed road" — what the segment is called. */
export function segmentName(segment) {
  var p = segment.properties;
  var name = p.name || (p.ref ? String(p.ref) : '');
  return name ? name + (p.name && p.ref ? ' (' + p.ref + ')' : '') : 'Unnamed road';
}

/** "primary, gravel, 1.2 km": the segment's class, its surface as the data have it, and its length. */
export function segmentDetails(segment) {
  var p = segment.properties;
  return [p['class'] ? words(p['class']) : 'class unknown',
    p.surface ? words(p.surface) : 'surface unknown', fmtDistance(lengthOf(segment.geometry))].join(', ');
}
