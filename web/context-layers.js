// How roads, power, finance and markets are drawn as GeoJSON, with a popup of each feature's properties.
import { esc } from './quality.js';

function maxVoltage(voltages) {
  var max = null;
  String(voltages === null || voltages === undefined ? '' : voltages).split(';').forEach(function (v) {
    var n = parseFloat(v);
    if (!isNaN(n) && (max === null || n > max)) {
      max = n;
    }
  });
  return max;
}

// blues and greens only: the yellow-to-red of the cluster classes must stay the clusters' own
var FINANCE_COLORS = {
  bank: '#08519c', atm: '#6baed6', credit_cooperative: '#31a354', microfinance: '#31a354',
  mobile_money_agent: '#80cdc1', bureau_de_change: '#80cdc1', informal_credit: '#80cdc1'
};
var MARKET_RADIUS = { city: 10, town: 7, village: 4, marketplace: 5, port: 7, airport: 7 };
var ROAD_STYLES = {
  motorway: ['#a50f15', 5], trunk: ['#cb181d', 4.5], primary: ['#e6550d', 4], secondary: ['#d9a400', 3.2],
  tertiary: ['#707070', 2.6]
};

/** Per context layer: line/polygon style and point symbol. */
var DRAWING = {
  roads: {
    style: function (p) {
      var s = ROAD_STYLES[p['class']] || ['#a0a0a0', 1.6];
      return { color: s[0], weight: s[1], opacity: 0.9, dashArray: p.paving === 'unpaved' ? '7 5' : null };
    },
    point: function (p, latlng) {
      return L.circleMarker(latlng, { radius: 2, color: '#777777' });
    }
  },
  power: {
    style: function (p) {
      var v = maxVoltage(p.voltages);
      if (p.kind === 'plant' || p.kind === 'substation') {
        return { color: '#54278f', weight: 1.5, fillColor: '#54278f', fillOpacity: 0.4 };
      }
      var c = v >= 100000 ? ['#3f007d', 4] : v >= 30000 ? ['#6a51a3', 3] : ['#9e9ac8', 2];
      return { color: c[0], weight: c[1], opacity: 0.9, dashArray: p.kind === 'cable' ? '2 5' : null };
    },
    point: function (p, latlng) {
      var big = p.kind === 'plant' || p.kind === 'substation';
      return L.circleMarker(latlng, {
        radius: big ? 6 : 3.5, color: '#ffffff', weight: 1, fillColor: big ? '#54278f' : '#807dba', fillOpacity: 0.95
      });
    }
  },
  finance: {
    style: function () {
      return { color: '#08519c' };
    },
    point: function (p, latlng) {
      return L.circleMarker(latlng, {
        radius: 3.5, color: '#ffffff', weight: 1, fillColor: FINANCE_COLORS[p.type] || '#636363', fillOpacity: 0.95
      });
    }
  },
  markets: {
    style: function () {
      return { color: '#525252' };
    },
    point: function (p, latlng) {
      var gateway = p.kind === 'port' || p.kind === 'airport' || p.kind === 'marketplace';
      return L.circleMarker(latlng, {
        radius: MARKET_RADIUS[p.kind] || 4, color: gateway ? '#0570b0' : '#252525', weight: 2,
        fillColor: '#ffffff', fillOpacity: 0.85
      });
    }
  }
};

function popupHtml(title, p) {
  var rows = Object.keys(p || {}).filter(function (k) {
    return k !== 'attributes' && p[k] !== null && p[k] !== '';
  }).map(function (k) {
    return '<tr><th>' + esc(k) + '</th><td>' + esc(p[k]) + '</td></tr>';
  });
  return '<div class="popup"><div class="popup-layer">' + esc(title) + '</div>' +
    (p.name ? '<div class="popup-title">' + esc(p.name) + '</div>' : '') + '<table>' + rows.join('') +
    '</table></div>';
}

export function contextGeoJson(id, title, data) {
  var drawing = DRAWING[id];
  return L.geoJSON(data, {
    pane: id,
    style: function (f) {
      return drawing.style(f.properties || {});
    },
    pointToLayer: function (f, latlng) {
      var marker = drawing.point(f.properties || {}, latlng);
      marker.options.pane = id;
      return marker;
    },
    onEachFeature: function (f, l) {
      l.bindPopup(popupHtml(title, f.properties || {}), { maxWidth: 340 });
    }
  });
}
