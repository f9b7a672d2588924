// A Leaflet layer drawn by the server's WMS as one image of the view: roads and the gap surface.
import { showMessage, startTask } from './ui.js';

/** CRS, BBOX, WIDTH and HEIGHT of the map's view, as GetMap and GetFeatureInfo take them. */
export function viewParams(map) {
  var bounds = map.getBounds();
  var size = map.getSize();
  var sw = map.options.crs.project(bounds.getSouthWest());
  var ne = map.options.crs.project(bounds.getNorthEast());
  return '&CRS=EPSG:3857&BBOX=' + [sw.x, sw.y, ne.x, ne.y].map(function (v) {
    return v.toFixed(2);
  }).join(',') + '&WIDTH=' + Math.min(4096, size.x) + '&HEIGHT=' + Math.min(4096, size.y);
}

/**
 * A WMS layer (roads, the gap surface) as one GetMap image of the whole view, replaced after each pan or zoom. One
 * image instead of 256 px tiles because the server stamps the data's attribution (and "synthetic") in each image's
 * corner; tiles would repeat it all over the map. The old image stays until the new one has loaded, so panning does
 * not flash.
 */
export var WmsImageLayer = L.Layer.extend({
  initialize: function (url, wmsLayers, options) {
    this._url = url;
    this._wmsLayers = wmsLayers;
    L.setOptions(this, options);
  },
  onAdd: function (map) {
    map.on('moveend', this._update, this);
    this._update();
  },
  onRemove: function (map) {
    map.off('moveend', this._update, this);
    if (this._image) {
      map.removeLayer(this._image);
    }
    if (this._next) {
      map.removeLayer(this._next);
    }
    this._image = this._next = null;
  },
  getUrl: function () {
    return this._url + '?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=' + this._wmsLayers + '&STYLES=' +
      viewParams(this._map) + '&FORMAT=image/png&TRANSPARENT=TRUE';
  },
  _update: function () {
    var map = this._map;
    if (!map) {
      return;
    }
    var self = this;
    var bounds = map.getBounds();
    var next = L.imageOverlay(this.getUrl(), bounds, {
      pane: this.options.pane, interactive: false, className: 'wms-image', alt: this.options.title + ' (WMS)'
    });
    if (this._next) {
      map.removeLayer(this._next);
    }
    this._next = next;
    var done = startTask('Drawing ' + this.options.title.toLowerCase() + '…');
    next.once('load', function () {
      done();
      if (self._next !== next) {
        return;
      }
      if (self._image) {
        map.removeLayer(self._image);
      }
      self._image = next;
      self._next = null;
    });
    next.once('error', function () {
      done();
      showMessage('The ' + self.options.title.toLowerCase() + ' image could not be drawn by the WMS (/ogc/wms).');
    });
    next.addTo(map);
  }
});
