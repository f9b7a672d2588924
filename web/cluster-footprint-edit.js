// A cluster's footprint being edited on the map: a point moved by dragging its handle or by a click where it goes, a
// polygon redrawn by clicking its corners (Finish closes it), as the scenario draft places its interventions — plain
// Leaflet, no drawing plugin. One footprint is edited at a time.
import { cancelPlacing, position } from './scenario-draft-map.js';
import { state } from './state.js';

var PANE = 'register-edit';
var PANE_Z = 460; // above the clusters and the scenario draft
var STYLE = { pane: PANE, interactive: false, color: '#0b57d0', weight: 3, dashArray: '6 4', fillOpacity: 0.15 };

var layer = null; // L.LayerGroup of the footprint
var editing = null; // the editor in use: {geometry, initial, mode: null|'point'|'polygon', corners, box, onChange}

function ensurePane() {
  if (state.map.getPane(PANE)) {
    return;
  }
  state.map.createPane(PANE).style.zIndex = PANE_Z;
  layer = L.layerGroup().addTo(state.map);
  state.map.on('click', onMapClick);
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && editing && editing.mode) {
      setMode(null, 'Drawing cancelled; the footprint is as before.');
    }
  });
}

function latLng(c) {
  return L.latLng(c[1], c[0]);
}

/** What the footprint is, in a few words. */
export function describeGeometry(g) {
  if (!g) {
    return 'none yet';
  }
  if (g.type === 'Point') {
    return 'point at ' + g.coordinates[0].toFixed(5) + ', ' + g.coordinates[1].toFixed(5) + ' (lon, lat)';
  }
  if (g.type === 'Polygon') {
    return 'polygon of ' + Math.max(0, g.coordinates[0].length - 1) + ' corners';
  }
  return g.type === 'MultiPolygon' ? 'multipolygon of ' + g.coordinates.length + ' parts' : g.type;
}

function draw() {
  layer.clearLayers();
  var g = editing.geometry;
  if (editing.mode === 'polygon') {
    var corners = editing.corners.map(latLng);
    L.polyline(corners, STYLE).addTo(layer);
    corners.forEach(function (c) {
      L.circleMarker(c, { pane: PANE, interactive: false, radius: 4, color: '#0b57d0', fillOpacity: 1 }).addTo(layer);
    });
  } else if (g && g.type === 'Point') {
    var handle = L.marker(latLng(g.coordinates), {
      pane: PANE, draggable: true, keyboard: true, title: 'Drag to move the cluster', alt: 'Cluster point',
      icon: L.divIcon({ className: 'footprint-handle', iconSize: [18, 18] })
    }).addTo(layer);
    handle.on('dragend', function () {
      update({ type: 'Point', coordinates: position(handle.getLatLng()) });
    });
  } else if (g) {
    L.geoJSON(g, { style: STYLE }).addTo(layer);
  }
}

function status(text) {
  editing.box.querySelector('.footprint-status').textContent = text || '';
}

function refreshControls() {
  var box = editing.box;
  box.querySelector('.footprint-summary').textContent = 'Footprint: ' + describeGeometry(editing.geometry)
    + (changed(editing) ? ' (changed)' : '');
  var drawing = editing.mode === 'polygon';
  box.querySelectorAll('[data-while-drawing]').forEach(function (b) {
    b.hidden = !drawing;
  });
  box.querySelector('[data-footprint=finish]').disabled = !drawing || editing.corners.length < 3;
  box.querySelector('[data-footprint=undo]').disabled = !drawing || editing.corners.length === 0;
}

function update(geometry) {
  editing.geometry = geometry;
  setMode(null, '');
  editing.onChange(geometry);
}

/** Starts or stops waiting for map clicks: 'point' (one click), 'polygon' (corners), null. */
function setMode(mode, text) {
  if (mode) {
    cancelPlacing(); // a scenario's intervention waiting for its click gives way
  }
  editing.mode = mode;
  editing.corners = [];
  state.placing = !!mode; // the clusters' and layers' own clicks wait meanwhile
  // the crosshair; and roads, lines and clusters let the click through to the map, where it places
  state.map.getContainer().classList.toggle('placing', !!mode);
  state.map.getContainer().classList.toggle('drawing-footprint', !!mode);
  draw();
  refreshControls();
  status(text);
}

function onMapClick(ev) {
  if (!editing || !editing.mode) {
    return;
  }
  state.map.closePopup();
  var at = position(ev.latlng);
  if (editing.mode === 'point') {
    update({ type: 'Point', coordinates: at });
    status('Point placed; drag its handle or click "Place the point" again to move it.');
    return;
  }
  editing.corners.push(at);
  draw();
  refreshControls();
  status(editing.corners.length + ' corner' + (editing.corners.length > 1 ? 's' : '') + '; '
    + (editing.corners.length < 3 ? 'click the next one.' : 'click the next one, or Finish.'));
}

function finishPolygon() {
  var ring = editing.corners.slice();
  ring.push(ring[0]);
  update({ type: 'Polygon', coordinates: [ring] });
  status('Polygon drawn.');
}

function changed(e) {
  return JSON.stringify(e.geometry) !== JSON.stringify(e.initial);
}

/**
 * Edits a footprint (initial: a GeoJSON geometry as stored, or null for a new cluster; current: where the editing
 * starts, by default initial) with controls in box; onChange(geometry) after each change. Returns {geometry(),
 * changed(), place()}; stopFootprint() ends it.
 */
export function editFootprint(box, initial, onChange, current) {
  ensurePane();
  stopFootprint();
  box.innerHTML = '<fieldset class="edit-footprint"><legend>Footprint on the map</legend>'
    + '<p class="footprint-summary" aria-live="polite"></p><div class="button-row">'
    + '<button type="button" class="secondary" data-footprint="point">Place the point</button>'
    + '<button type="button" class="secondary" data-footprint="polygon">Draw a polygon</button>'
    + '<button type="button" data-footprint="finish" data-while-drawing>Finish the polygon</button>'
    + '<button type="button" class="secondary" data-footprint="undo" data-while-drawing>Undo the last corner</button>'
    + '<button type="button" class="secondary" data-footprint="cancel" data-while-drawing>Cancel drawing</button>'
    + '</div><p class="hint footprint-status" aria-live="polite"></p>'
    + '<span class="field-error" role="alert" data-error-for="geometry"></span></fieldset>';
  var me = {
    geometry: current === undefined ? initial : current, initial: initial, mode: null, corners: [], box: box,
    onChange: onChange
  };
  editing = me;
  var actions = {
    point: function () {
      setMode('point', 'Click the map where the cluster is (Esc to cancel).');
    },
    polygon: function () {
      setMode('polygon', 'Click the map at each corner of the footprint, then Finish (Esc to cancel).');
    },
    finish: finishPolygon,
    undo: function () {
      editing.corners.pop();
      draw();
      refreshControls();
    },
    cancel: function () {
      setMode(null, 'Drawing cancelled; the footprint is as before.');
    }
  };
  box.querySelectorAll('[data-footprint]').forEach(function (b) {
    b.addEventListener('click', function () {
      if (editing === me) {
        actions[b.getAttribute('data-footprint')]();
      }
    });
  });
  setMode(null, '');
  return {
    geometry: function () {
      return me.geometry;
    },
    changed: function () {
      return changed(me);
    },
    place: actions.point
  };
}

/** Ends editing the footprint: its handles leave the map and map clicks select clusters again. */
export function stopFootprint() {
  if (!editing) {
    return;
  }
  if (editing.mode) {
    state.placing = false;
    state.map.getContainer().classList.remove('placing', 'drawing-footprint');
  }
  editing = null;
  layer.clearLayers();
}
