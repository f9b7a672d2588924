// The clusters on the map: circles coloured by the chosen score, sized by employment, outlined when selected.
import { SCORES } from './config.js';
import { fmtNumber } from './format.js';
import { esc, rankText } from './quality.js';
import { colorOf } from './score-classes.js';
import { state } from './state.js';

var clickHandler = function () {};
// another colouring than the chosen score's ({colour(p), tooltip(p)}: a scenario's changes), or null
var otherView = null;

/** What a click on a cluster does with its Cluster Grid ID: the page sets it to selecting the cluster. */
export function setClusterClickHandler(handler) {
  clickHandler = handler;
}

/** Colours the clusters by view.colour(properties) with view.tooltip(properties), or by the score again (null). */
export function setClusterView(view) {
  otherView = view;
}

function clusterRadius(p) {
  return Math.max(6, Math.min(16, 4 + Math.sqrt(p.size || 0) / 8));
}

function clusterStyle(p) {
  var selected = p.cluster_grid_id === state.selected;
  return {
    color: selected ? '#000000' : '#4d4d4d', weight: selected ? 4 : 1.5,
    fillColor: otherView ? otherView.colour(p) : colorOf(p), fillOpacity: 0.9, opacity: 1
  };
}

export function drawClusters() {
  if (state.clusterLayer) {
    state.map.removeLayer(state.clusterLayer);
  }
  state.clusterLayer = L.geoJSON({ type: 'FeatureCollection', features: state.features }, {
    pane: 'clusters',
    style: function (f) {
      return clusterStyle(f.properties);
    },
    pointToLayer: function (f, latlng) {
      var s = clusterStyle(f.properties);
      s.radius = clusterRadius(f.properties);
      s.pane = 'clusters';
      return L.circleMarker(latlng, s);
    },
    onEachFeature: function (f, l) {
      var p = f.properties;
      l.feature = f;
      l.bindTooltip(otherView ? otherView.tooltip(p) : '<strong>' + esc(p.name) + '</strong><br>' +
        esc(SCORES[state.score].label) + ': ' + (typeof p[state.score] === 'number' ? fmtNumber(p[state.score], 1)
        : 'not scored') + ' · ' + rankText(p), { sticky: true, direction: 'top' });
      l.on('click', function () {
        clickHandler(p.cluster_grid_id);
      });
      if (l.getElement) {
        l.once('add', function () {
          var el = l.getElement();
          if (el) {
            el.setAttribute('data-id', p.cluster_grid_id);
          }
        });
      }
    }
  });
  if (!state.layers.clusters || state.layers.clusters.on) {
    state.clusterLayer.addTo(state.map);
  }
}

export function clusterBounds(id) {
  var bounds = null;
  state.clusterLayer.eachLayer(function (l) {
    if (l.feature && l.feature.properties.cluster_grid_id === id) {
      bounds = l.getBounds ? l.getBounds() : L.latLngBounds([l.getLatLng(), l.getLatLng()]);
    }
  });
  return bounds;
}

export function restyleClusters() {
  state.clusterLayer.eachLayer(function (l) {
    if (l.feature) {
      l.setStyle(clusterStyle(l.feature.properties));
      if (l.feature.properties.cluster_grid_id === state.selected && l.bringToFront) {
        l.bringToFront();
      }
    }
  });
}
