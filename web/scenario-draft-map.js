// The scenario being drafted on the map: placing an intervention by a click (a point) or two (a line), and drawing
// the drafted interventions, planned lines and upgraded roads dashed, above the clusters.
import { knownSegment, linesOf, lookUpSegments } from './road-segments.js';
import { kindOf } from './scenario-kinds.js';
import { state } from './state.js';

// above the clusters so planned features stay visible; clicks go through to the map and the clusters
var PANE = 'scenario';
var PANE_Z = 455;
var COORDINATE_DECIMALS = 6; // about 0.1 m, as the demo data are rounded

var drawn = null; // the drafted interventions: L.LayerGroup
var placing = null; // {geometry, onPlaced, onProgress, first: L.LatLng|null, firstMarker}
var lastDrawn = { features: [], problem: {} }; // drawn again once the segments of uploaded upgrades are known

function ensurePane() {
  if (!state.map.getPane(PANE)) {
    var pane = state.map.createPane(PANE);
    pane.style.zIndex = PANE_Z;
    pane.style.pointerEvents = 'none';
  }
  if (!drawn) {
    drawn = L.layerGroup().addTo(state.map);
    state.map.on('click', onMapClick);
    document.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape' && placing) {
        var progress = placing.onProgress;
        cancelPlacing();
        progress('Placing cancelled.');
      }
    });
  }
}

/** The pane drafted and picked features are drawn in, made the first time it is asked for. */
export function draftPane() {
  ensurePane();
  return PANE;
}

/** A clicked place as [lon, lat], rounded as the demo data are. */
export function position(latlng) {
  var p = latlng.wrap();
  var f = Math.pow(10, COORDINATE_DECIMALS);
  return [Math.round(p.lng * f) / f, Math.round(p.lat * f) / f];
}

function pointMarker(latlng, colour, planned) {
  return L.circleMarker(latlng, {
    pane: PANE, interactive: false, radius: 7, color: '#000000', weight: 2, dashArray: planned ? '3 2' : null,
    fillColor: colour, fillOpacity: 0.95, className: 'scenario-draft'
  });
}

/**
 * Waits for the planner to place an intervention: one click for a 'Point', two for a 'LineString'. onPlaced gets
 * the GeoJSON geometry; onProgress what to do next, as text.
 */
export function startPlacing(geometry, colour, onPlaced, onProgress) {
  ensurePane();
  cancelPlacing();
  placing = { geometry: geometry, colour: colour, onPlaced: onPlaced, onProgress: onProgress, first: null };
  state.placing = true; // the clusters' and layers' own clicks wait meanwhile
  state.map.getContainer().classList.add('placing');
  onProgress(geometry === 'Point' ? 'Click the map where it goes (Esc to cancel).'
    : 'Click the map where the line starts (Esc to cancel).');
}

export function cancelPlacing() {
  if (!placing) {
    return;
  }
  if (placing.firstMarker) {
    drawn.removeLayer(placing.firstMarker);
  }
  placing = null;
  state.placing = false;
  state.map.getContainer().classList.remove('placing');
}

export function isPlacing() {
  return !!placing;
}

function onMapClick(ev) {
  if (!placing) {
    return;
  }
  state.map.closePopup(); // a layer's popup opened by the same click
  var at = position(ev.latlng);
  if (placing.geometry === 'Point') {
    finish({ type: 'Point', coordinates: at });
    return;
  }
  if (!placing.first) {
    placing.first = at;
    placing.firstMarker = pointMarker(ev.latlng, placing.colour, true).addTo(drawn);
    placing.onProgress('Now click where the line ends.');
    return;
  }
  if (at[0] === placing.first[0] && at[1] === placing.first[1]) {
    placing.onProgress('That is where it starts: click where the line ends.');
    return;
  }
  finish({ type: 'LineString', coordinates: [placing.first, at] });
}

function finish(geometry) {
  var done = placing.onPlaced;
  cancelPlacing();
  done(geometry);
}

/**
 * Draws the drafted features: points as dashed rings, lines dashed, upgraded roads dashed along their segments;
 * problem marks those a refusal named.
 */
export function drawDraft(features, problem) {
  ensurePane();
  lastDrawn = { features: features, problem: problem };
  drawn.eachLayer(function (l) {
    if (!placing || l !== placing.firstMarker) {
      drawn.removeLayer(l);
    }
  });
  features.forEach(function (f, i) {
    var p = f.properties || {};
    var colour = kindOf(p.kind).colour;
    var flagged = problem && problem[i];
    if (p.kind === 'upgrade_road') {
      drawUpgrade(p.roads, flagged ? '#c62828' : colour);
      return;
    }
    var g = f.geometry;
    if (!g || !Array.isArray(g.coordinates)) {
      return;
    }
    if (g.type === 'Point' && g.coordinates.length >= 2) {
      var m = pointMarker(L.latLng(g.coordinates[1], g.coordinates[0]), colour, true);
      if (flagged) {
        m.setStyle({ color: '#c62828', weight: 3 });
      }
      m.addTo(drawn);
    } else if (g.type === 'LineString') {
      var latlngs = g.coordinates.filter(Array.isArray).map(function (c) {
        return L.latLng(c[1], c[0]);
      });
      L.polyline(latlngs, {
        pane: PANE, interactive: false, color: flagged ? '#c62828' : colour, weight: 4, dashArray: '8 6',
        opacity: 0.95, className: 'scenario-draft'
      }).addTo(drawn);
    }
  });
}

/** An upgrade along the segments it names; those not seen yet (an uploaded file's) are looked up, then drawn. */
function drawUpgrade(roads, colour) {
  if (!Array.isArray(roads)) {
    return;
  }
  var unknown = roads.filter(function (id) {
    return !knownSegment(id);
  });
  if (unknown.length) {
    lookUpSegments(unknown).then(function (found) {
      if (found.some(Boolean)) {
        drawDraft(lastDrawn.features, lastDrawn.problem);
      }
    });
  }
  roads.forEach(function (id) {
    var segment = knownSegment(id);
    if (segment) {
      L.polyline(linesOf(segment.geometry), {
        pane: PANE, interactive: false, color: colour, weight: 6, dashArray: '8 6', opacity: 0.95,
        className: 'scenario-draft'
      }).addTo(drawn);
    }
  });
}
