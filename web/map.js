// The Leaflet map: its panes in drawing order, scale, and the data sources' attribution.
import { PANE_Z } from './config.js';
import { esc } from './quality.js';
import { state } from './state.js';
import { saveUrlState } from './url-state.js';

export function createMap() {
  var map = L.map('map', { zoomControl: true, preferCanvas: false, keyboard: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  Object.keys(PANE_Z).forEach(function (id) {
    map.createPane(id).style.zIndex = PANE_Z[id];
  });
  map.createPane('basemap').style.zIndex = 150;
  map.getPane('evidence').style.pointerEvents = 'none';
  L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
  map.setView([0, 0], 2);
  map.on('moveend', function () {
    saveUrlState();
  });
  // the map's column narrows while the figures by region are shown: Leaflet learns of window resizes only
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      map.invalidateSize();
    }).observe(map.getContainer());
  }
  return map;
}

export function addAttributions(datasets) {
  var seen = {};
  datasets.forEach(function (d) {
    var text = d.attribution || d.title || d.id;
    if (d.licence && text.indexOf(d.licence) < 0) {
      text += ' (' + d.licence + ')';
    }
    if (text && !seen[text]) {
      seen[text] = true;
      state.map.attributionControl.addAttribution(esc(text));
    }
  });
}
