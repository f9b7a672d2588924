// Picking road segments on the map for an upgrade: while on, each click looks up the segment drawn under it, and
// the segments picked so far are highlighted over the map.
import { draftPane } from './scenario-draft-map.js';
import { roadSegmentAt, linesOf } from './road-segments.js';
import { state } from './state.js';

var PICKED_COLOUR = '#0b57d0'; // a strong blue: apart from the clusters' yellow-to-red and the roads' own colours

var picking = null; // {onSegment, onProgress}
var answers = Promise.resolve(); // lookups are answered in the order of the clicks, so two quick clicks toggle twice
var highlighted = null; // L.LayerGroup of the picked segments
var wired = false;

function wire() {
  if (wired) {
    return;
  }
  wired = true;
  highlighted = L.layerGroup().addTo(state.map);
  state.map.on('click', onMapClick);
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && picking) {
      var progress = picking.onProgress;
      stopPickingRoads();
      progress('Picking paused; what you picked is kept. “Pick roads on the map” goes on.');
    }
  });
}

/**
 * Map clicks pick roads until stopped: onSegment gets the segment under each click ({id, geometry, properties}), or
 * null where no road is drawn; onProgress what the planner can do next, as text.
 */
export function startPickingRoads(onSegment, onProgress) {
  wire();
  picking = { onSegment: onSegment, onProgress: onProgress };
  state.placing = true; // the clusters' and layers' own clicks wait meanwhile
  state.map.getContainer().classList.add('placing');
}

export function stopPickingRoads() {
  if (!picking) {
    return;
  }
  picking = null;
  state.placing = false;
  state.map.getContainer().classList.remove('placing');
}

export function isPickingRoads() {
  return !!picking;
}

function onMapClick(ev) {
  if (!picking) {
    return;
  }
  state.map.closePopup(); // a vector layer's popup opened by the same click
  var current = picking;
  var lookup = roadSegmentAt(state.map, ev.latlng);
  answers = answers.then(function () {
    return lookup;
  }).then(function (segment) {
    if (picking === current) {
      current.onSegment(segment);
    }
  }, function (err) {
    current.onProgress('The road under the click could not be looked up: ' + err.message);
  });
}

/** Highlights the picked segments: a blue line on a white casing, so it stands out on any road colour. */
export function drawPicked(segments) {
  if (!wired && !segments.length) {
    return; // nothing picked yet: the map is not listened to before the planner asks for it
  }
  wire();
  highlighted.clearLayers();
  var pane = draftPane();
  segments.forEach(function (s) {
    var lines = linesOf(s.geometry);
    L.polyline(lines, { pane: pane, interactive: false, color: '#ffffff', weight: 10, opacity: 0.9,
      className: 'road-picked-casing' }).addTo(highlighted);
    L.polyline(lines, { pane: pane, interactive: false, color: PICKED_COLOUR, weight: 6, opacity: 0.95,
      className: 'road-picked' }).addTo(highlighted).getElement().setAttribute('data-road', s.id);
  });
}
