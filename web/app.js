/*
 * ClusterGrid planner map. Plain ES2019, no build step, no internet: Leaflet comes from the server's webjar and
 * every layer from the server's own API. Parts, top to bottom:
 *   CONFIG          settings an operator may change (optional online basemap)
 *   formatting      numbers, distances, durations, indicator values
 *   classes         5 colour classes per score and the legend that shows them
 *   layers          clusters (scores), roads and the gap surface (WMS images), power / finance / markets (GeoJSON)
 *   ranking         the sortable, filterable table with rank changes
 *   detail          the cluster panel and its evidence lines
 *   weights         sliders that re-score
 *   url state       the view, layers, score, weights and selection in the URL hash
 *   downloads       GeoJSON / CSV of the clusters in view, WMS / OGC API URLs
 * What it says about unknowns (unranked clusters, missing indicators, quality flags, data coverage) is in quality.js.
 */
import * as quality from './quality.js';

(function () {
  'use strict';

  // ------------------------------------------------------------------ CONFIG

  /**
   * Settings. The map needs no internet. To put an online basemap under the layers, set basemap.url to a tile URL
   * template (e.g. 'https://tile.openstreetmap.org/{z}/{x}/{y}.png') and basemap.attribution to what its licence asks
   * (e.g. '© OpenStreetMap contributors'); a "Basemap (online)" switch then appears in the layer list, off unless
   * basemap.on is true. roadsAs: 'wms' draws roads as one server-rendered image per view (fast for dense networks),
   * 'geojson' as vectors.
   */
  var CONFIG = {
    basemap: { url: null, attribution: '', on: false, maxZoom: 19 },
    roadsAs: 'wms',
    rescoreDelayMs: 250,
    slowRequestMs: 400
  };

  var API = 'api/';
  var PAGE_LIMIT = 10000;
  var MAX_PAGES = 200;
  var DIMENSIONS = ['roads', 'power', 'finance', 'markets'];
  var DIMENSION_LABELS = { roads: 'Roads', power: 'Electricity', finance: 'Finance', markets: 'Markets' };
  var EVIDENCE_COLORS = { roads: '#d95f02', power: '#7570b3', finance: '#1b9e77', markets: '#e7298a' };

  /**
   * The scores a planner can colour by. needHigh: a high value means more need (gaps, priority); the composite is
   * the other way round. Scores on 0–100 use fixed breaks so colours mean the same in every region and run;
   * priority has no upper bound, so it uses quintiles of the current clusters.
   */
  var SCORES = {
    composite: { label: 'Connectivity score', needHigh: false, fixed: true },
    gap: { label: 'Overall gap', needHigh: true, fixed: true },
    roads_gap: { label: 'Roads gap', needHigh: true, fixed: true },
    power_gap: { label: 'Electricity gap', needHigh: true, fixed: true },
    finance_gap: { label: 'Finance gap', needHigh: true, fixed: true },
    markets_gap: { label: 'Markets gap', needHigh: true, fixed: true },
    priority: { label: 'Priority (gap × size)', needHigh: true, fixed: false }
  };

  // ColorBrewer YlOrRd, 5 classes: sequential and safe for the common colour-vision deficiencies; darker = more need
  var PALETTE = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
  var NO_DATA_COLOR = '#bdbdbd';

  var TYPOLOGY_LABELS = {
    high_tech_knowledge: 'High-tech / knowledge',
    dynamic_export: 'Dynamic export',
    low_tech_domestic: 'Low-tech domestic',
    artisanal_craft: 'Artisanal / craft',
    service_based: 'Service-based'
  };

  var LAYER_ORDER = ['clusters', 'markets', 'finance', 'power', 'roads', 'gap_surface', 'coverage'];
  var PANE_Z = { coverage: 400, gap_surface: 405, roads: 410, power: 420, markets: 430, finance: 440, evidence: 445, clusters: 450 };

  /**
   * Layers the server computes and draws by WMS only (not stored, so not in /api/layers): off unless asked for,
   * since a surface covers the whole map.
   */
  var WMS_SURFACES = { gap_surface: 'Travel time to a regional market' };

  // ------------------------------------------------------------------ state

  var state = {
    map: null,
    profile: null, // {name, weights}
    weights: {}, // slider values 0..100 per dimension (raw; the server normalises)
    features: [], // scored clusters (GeoJSON features) under the current weights
    byId: {}, // cluster_grid_id -> scored feature
    baselineRank: {}, // cluster_grid_id -> rank under the profile's weights
    register: {}, // cluster_grid_id -> register properties (sector, typology, …)
    score: 'composite',
    classes: null,
    selected: null,
    viewBeforeSelect: null,
    layers: {}, // id -> {title, count, layer, on, loaded}
    sort: { key: 'rank', dir: 1 },
    filters: { typology: '', sector: '', country: '', band: '' },
    datasets: []
  };

  // ------------------------------------------------------------------ helpers

  function $(id) {
    return document.getElementById(id);
  }

  var esc = quality.esc;

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () {
        fn.apply(null, args);
      }, ms);
    };
  }

  /** Shows an error the planner can read and dismiss; the same text is not stacked twice. */
  function showMessage(text) {
    var box = $('messages');
    var existing = Array.prototype.some.call(box.children, function (c) {
      return c.dataset.text === text;
    });
    if (existing) {
      return;
    }
    var div = document.createElement('div');
    div.className = 'message message-error';
    div.dataset.text = text;
    div.innerHTML = '<span>' + esc(text) + '</span>';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'icon';
    close.setAttribute('aria-label', 'Dismiss this message');
    close.textContent = '×';
    close.addEventListener('click', function () {
      div.remove();
    });
    div.appendChild(close);
    box.appendChild(div);
  }

  // The loading pill appears only when something takes longer than CONFIG.slowRequestMs, so fast answers don't flicker.
  var pendingTasks = {};
  var taskSeq = 0;
  function startTask(text) {
    var id = ++taskSeq;
    pendingTasks[id] = text;
    setTimeout(refreshLoading, CONFIG.slowRequestMs);
    return function done() {
      delete pendingTasks[id];
      refreshLoading();
    };
  }
  function refreshLoading() {
    var ids = Object.keys(pendingTasks);
    $('loading').hidden = ids.length === 0;
    if (ids.length > 0) {
      $('loading-text').textContent = pendingTasks[ids[ids.length - 1]];
    }
  }

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

  async function fetchOk(url, accept) {
    var res;
    try {
      res = await fetch(url, { headers: { Accept: accept } });
    } catch (err) {
      throw new Error('Could not reach the server for ' + url + ' (' + err.message + ')');
    }
    if (!res.ok) {
      var detail = errorDetail(await res.text());
      throw new Error('Request ' + url + ' failed with HTTP ' + res.status + (detail ? ': ' + detail : ''));
    }
    return res;
  }

  async function getJson(url) {
    var res = await fetchOk(url, 'application/json, application/geo+json');
    try {
      return await res.json();
    } catch (e) {
      throw new Error('The answer to ' + url + ' is not valid JSON');
    }
  }

  async function getText(url) {
    return (await fetchOk(url, 'text/csv, text/plain')).text();
  }

  /** All features of a layer, following the "next" links page by page. */
  async function getAllItems(layerId) {
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

  // ------------------------------------------------------------------ formatting

  function fmtNumber(n, decimals) {
    if (n === null || n === undefined || isNaN(n)) {
      return '—';
    }
    return Number(n).toLocaleString('en', { maximumFractionDigits: decimals === undefined ? 1 : decimals });
  }

  /** Metres as "850 m", "2.2 km", "34 km". */
  function fmtDistance(m) {
    if (m === null || m === undefined || isNaN(m)) {
      return '—';
    }
    if (m < 1000) {
      return Math.round(m) + ' m';
    }
    return m < 10000 ? (m / 1000).toFixed(1) + ' km' : Math.round(m / 1000).toLocaleString('en') + ' km';
  }

  /** Seconds as "< 1 min", "12 min", "1 h 5 min". */
  function fmtDuration(s) {
    if (s === null || s === undefined || isNaN(s)) {
      return '—';
    }
    if (s < 60) {
      return s <= 0 ? '0 min' : '< 1 min';
    }
    var min = Math.round(s / 60);
    if (min < 60) {
      return min + ' min';
    }
    var h = Math.floor(min / 60);
    var rest = min % 60;
    return h + ' h' + (rest ? ' ' + rest + ' min' : '');
  }

  /** An indicator's value in its unit, in words a planner reads. */
  function fmtIndicatorValue(ind) {
    var v = ind.value;
    if (v === null || v === undefined) {
      return ind.details && ind.details.unreachable ? 'none reachable' : 'unknown';
    }
    switch (ind.unit) {
      case 'm':
        return fmtDistance(v);
      case 's':
        return fmtDuration(v);
      case 'share':
        return Math.round(v * 100) + ' %';
      case 'flag':
        return v >= 1 ? 'yes' : 'no';
      case 'count':
        return fmtNumber(v, 0);
      default:
        return fmtNumber(v, v >= 100 ? 0 : 2) + (ind.unit ? ' ' + ind.unit : '');
    }
  }

  /** Evidence distance and/or time: "2.2 km", "12 min", "2.2 km · 12 min". */
  function fmtEvidence(ev) {
    var parts = [];
    if (ev.metres !== null && ev.metres !== undefined) {
      parts.push(fmtDistance(ev.metres));
    }
    if (ev.seconds !== null && ev.seconds !== undefined) {
      parts.push(fmtDuration(ev.seconds));
    }
    return parts.join(' · ');
  }

  function countryOf(id) {
    var m = /^CG-([A-Z]{2})-/.exec(id || '');
    return m ? m[1] : '';
  }

  // ------------------------------------------------------------------ classes and legend

  /** Class breaks for the chosen score over the current clusters: [{min, max, color, label}], most need last. */
  function computeClasses(score) {
    var def = SCORES[score];
    var bounds;
    if (def.fixed) {
      bounds = [0, 20, 40, 60, 80, 100];
    } else {
      var values = state.features.map(function (f) {
        return f.properties[score];
      }).filter(function (v) {
        return typeof v === 'number';
      }).sort(function (a, b) {
        return a - b;
      });
      bounds = [0];
      for (var q = 1; q < 5; q++) {
        bounds.push(values.length ? values[Math.min(values.length - 1, Math.floor(values.length * q / 5))] : q);
      }
      bounds.push(values.length ? values[values.length - 1] : 5);
    }
    var classes = [];
    for (var i = 0; i < 5; i++) {
      // need rank: for the composite the lowest scores are the most in need
      var need = def.needHigh ? i : 4 - i;
      classes.push({
        min: bounds[i], max: bounds[i + 1], color: PALETTE[need], need: need,
        label: fmtNumber(bounds[i], def.fixed ? 0 : 0) + ' – ' + fmtNumber(bounds[i + 1], def.fixed ? 0 : 0)
      });
    }
    return classes.sort(function (a, b) {
      return a.need - b.need;
    });
  }

  /** Index (0 = least need … 4 = most need) of a value in the classes, or -1 for no data. */
  function classOf(value) {
    if (typeof value !== 'number') {
      return -1;
    }
    var c = state.classes;
    for (var i = 0; i < c.length; i++) {
      // a value on a break goes to the class above it; the top class includes its maximum
      var inside = value >= c[i].min && (value < c[i].max || (value === c[i].max && c[i].max === topMax(c)));
      if (inside) {
        return i;
      }
    }
    return value < lowMin(c) ? classOfExtreme(c, 'min') : classOfExtreme(c, 'max');
  }
  function topMax(c) {
    return Math.max.apply(null, c.map(function (x) {
      return x.max;
    }));
  }
  function lowMin(c) {
    return Math.min.apply(null, c.map(function (x) {
      return x.min;
    }));
  }
  function classOfExtreme(c, which) {
    var target = which === 'min' ? lowMin(c) : topMax(c);
    for (var i = 0; i < c.length; i++) {
      if ((which === 'min' ? c[i].min : c[i].max) === target) {
        return i;
      }
    }
    return -1;
  }

  function colorOf(props) {
    var k = classOf(props[state.score]);
    return k < 0 ? NO_DATA_COLOR : state.classes[k].color;
  }

  var legendControl = null;
  function renderLegend() {
    if (!legendControl) {
      legendControl = L.control({ position: 'bottomleft' });
      legendControl.onAdd = function () {
        var div = L.DomUtil.create('details', 'legend');
        div.id = 'legend';
        div.open = state.map.getSize().x > 520;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      };
      legendControl.addTo(state.map);
    }
    var def = SCORES[state.score];
    var counts = [0, 0, 0, 0, 0];
    var noData = 0;
    state.features.forEach(function (f) {
      var k = classOf(f.properties[state.score]);
      if (k < 0) {
        noData++;
      } else {
        counts[k]++;
      }
    });
    var html = '<summary>Legend</summary><div class="legend-title">Clusters: ' + esc(def.label) + '</div>' +
      '<div class="legend-note">' + (def.needHigh ? 'higher = more need' : 'lower = more need') +
      (def.fixed ? '' : '; quintiles of the clusters') + '</div>';
    // most need on top, as planners read the list from the top
    for (var i = state.classes.length - 1; i >= 0; i--) {
      var c = state.classes[i];
      html += '<div class="legend-row" data-class="' + i + '"><span class="swatch box" style="background:' + c.color +
        '"></span>' + esc(c.label) + ' <span class="muted">(' + counts[i] + ')</span></div>';
    }
    if (noData) {
      html += '<div class="legend-row"><span class="swatch box" style="background:' + NO_DATA_COLOR +
        '"></span>not scored: too little known <span class="muted">(' + noData + ')</span></div>';
    }
    html += '<div class="legend-note">Circle size: cluster size (employment)</div>';
    // the other layers' keys fold away, so the cluster classes stay readable on small screens
    var more = '';
    if (state.layers.roads && state.layers.roads.on && CONFIG.roadsAs === 'wms') {
      more += '<div class="legend-title">Roads</div><img alt="Roads legend" src="ogc/wms?SERVICE=WMS&amp;' +
        'VERSION=1.3.0&amp;REQUEST=GetLegendGraphic&amp;LAYER=roads&amp;FORMAT=image/png">';
    }
    Object.keys(WMS_SURFACES).forEach(function (id) {
      if (state.layers[id] && state.layers[id].on) {
        more += '<img alt="' + esc(WMS_SURFACES[id]) + ' legend" src="ogc/wms?SERVICE=WMS&amp;VERSION=1.3.0&amp;' +
          'REQUEST=GetLegendGraphic&amp;LAYER=' + id + '&amp;FORMAT=image/png">';
      }
    });
    more += otherLegends();
    var div = $('legend');
    var wasOpen = div.open;
    var moreWasOpen = !!div.querySelector('details.legend-more[open]');
    if (more) {
      html += '<details class="legend-more"' + (moreWasOpen ? ' open' : '') + '><summary>Other layers</summary>' +
        more + '</details>';
    }
    div.innerHTML = html;
    div.open = wasOpen;
  }

  function otherLegends() {
    var html = '';
    if (state.layers.power && state.layers.power.on) {
      html += '<div class="legend-title">Electricity</div>' +
        legendLine('#3f007d', 4, '', '≥ 100 kV') + legendLine('#6a51a3', 3, '', '30–100 kV') +
        legendLine('#9e9ac8', 2, '', '< 30 kV') + legendDot('#54278f', 'substation / plant');
    }
    if (state.layers.finance && state.layers.finance.on) {
      html += '<div class="legend-title">Finance</div>' + legendDot('#08519c', 'bank') +
        legendDot('#6baed6', 'ATM') + legendDot('#31a354', 'co-operative / microfinance') +
        legendDot('#80cdc1', 'mobile money / other');
    }
    if (state.layers.markets && state.layers.markets.on) {
      html += '<div class="legend-title">Markets</div>' +
        '<div><span class="swatch ring" style="border-color:#252525"></span>city / town / village</div>' +
        '<div><span class="swatch ring" style="border-color:#0570b0"></span>port / airport / market</div>';
    }
    if (state.selected) {
      html += '<div class="legend-title">Evidence (selected cluster)</div>';
      DIMENSIONS.forEach(function (d) {
        html += legendLine(EVIDENCE_COLORS[d], 3, '6 4', 'nearest for ' + DIMENSION_LABELS[d].toLowerCase());
      });
    }
    return html;
  }

  function legendLine(color, weight, dash, label) {
    return '<div><svg class="swatch" width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5"' +
      ' stroke="' + color + '" stroke-width="' + weight + '"' + (dash ? ' stroke-dasharray="' + dash + '"' : '') +
      '/></svg>' + esc(label) + '</div>';
  }

  function legendDot(color, label) {
    return '<div><span class="swatch dot" style="background:' + color + '"></span>' + esc(label) + '</div>';
  }

  // ------------------------------------------------------------------ context layers

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

  function contextGeoJson(id, title, data) {
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

  /**
   * A WMS layer (roads, the gap surface) as one GetMap image of the whole view, replaced after each pan or zoom. One image instead of 256 px
   * tiles because the server stamps the data's attribution (and "synthetic") in each image's corner; tiles would
   * repeat it all over the map. The old image stays until the new one has loaded, so panning does not flash.
   */
  var WmsImageLayer = L.Layer.extend({
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
      var map = this._map;
      var bounds = map.getBounds();
      var size = map.getSize();
      var sw = map.options.crs.project(bounds.getSouthWest());
      var ne = map.options.crs.project(bounds.getNorthEast());
      return this._url + '?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=' + this._wmsLayers + '&STYLES=' +
        '&CRS=EPSG:3857&BBOX=' + [sw.x, sw.y, ne.x, ne.y].map(function (v) {
        return v.toFixed(2);
      }).join(',') + '&WIDTH=' + Math.min(4096, size.x) + '&HEIGHT=' + Math.min(4096, size.y) +
        '&FORMAT=image/png&TRANSPARENT=TRUE';
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

  async function ensureContextLayer(id) {
    var entry = state.layers[id];
    if (entry.layer) {
      return entry.layer;
    }
    if (id === 'roads' && CONFIG.roadsAs === 'wms') {
      entry.layer = new WmsImageLayer('ogc/wms', 'roads', { pane: 'roads', title: 'Roads' });
      return entry.layer;
    }
    if (WMS_SURFACES[id]) {
      entry.layer = new WmsImageLayer('ogc/wms', id, { pane: id, title: WMS_SURFACES[id] });
      return entry.layer;
    }
    if (id === 'coverage') {
      entry.layer = quality.coverageLayer(L, await getJson(API + 'coverage'), 'coverage');
      return entry.layer;
    }
    if (id === 'basemap') {
      entry.layer = L.tileLayer(CONFIG.basemap.url, {
        attribution: esc(CONFIG.basemap.attribution), maxZoom: CONFIG.basemap.maxZoom, pane: 'basemap'
      });
      return entry.layer;
    }
    var done = startTask('Loading ' + entry.title + '…');
    try {
      entry.layer = contextGeoJson(id, entry.title, await getAllItems(id));
      return entry.layer;
    } finally {
      done();
    }
  }

  /** Switches a layer on or off, loading it the first time. */
  async function setLayer(id, on) {
    var entry = state.layers[id];
    entry.on = on;
    var box = $('layer-toggle-' + id);
    if (box) {
      box.checked = on;
    }
    if (id === 'clusters') {
      if (on) {
        state.clusterLayer.addTo(state.map);
      } else {
        state.map.removeLayer(state.clusterLayer);
      }
    } else if (on) {
      try {
        var layer = await ensureContextLayer(id);
        if (entry.on && !state.map.hasLayer(layer)) {
          layer.addTo(state.map);
        }
      } catch (err) {
        showMessage('Layer "' + entry.title + '" could not be loaded. ' + err.message);
      }
    } else if (entry.layer) {
      state.map.removeLayer(entry.layer);
    }
    renderLegend();
    saveUrlState();
  }

  function renderLayerToggles() {
    var ids = LAYER_ORDER.filter(function (id) {
      return state.layers[id];
    });
    if (state.layers.basemap) {
      ids.push('basemap');
    }
    var box = $('layer-toggles');
    box.innerHTML = ids.map(function (id) {
      var e = state.layers[id];
      return '<label class="toggle"><input type="checkbox" id="layer-toggle-' + id + '" data-layer="' + id + '"' +
        (e.on ? ' checked' : '') + '> ' + esc(e.title) +
        (e.count !== undefined ? ' <span class="muted">(' + fmtNumber(e.count, 0) + ')</span>' : '') +
        ((id === 'roads' && CONFIG.roadsAs === 'wms') || WMS_SURFACES[id] ? ' <span class="muted">WMS</span>' : '') +
        '</label>';
    }).join('');
    box.addEventListener('change', function (ev) {
      var id = ev.target.dataset.layer;
      if (id) {
        setLayer(id, ev.target.checked);
      }
    });
  }

  // ------------------------------------------------------------------ clusters layer

  function clusterRadius(p) {
    return Math.max(6, Math.min(16, 4 + Math.sqrt(p.size || 0) / 8));
  }

  function clusterStyle(p) {
    var selected = p.cluster_grid_id === state.selected;
    return {
      color: selected ? '#000000' : '#4d4d4d', weight: selected ? 4 : 1.5, fillColor: colorOf(p), fillOpacity: 0.9,
      opacity: 1
    };
  }

  function drawClusters() {
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
        l.bindTooltip('<strong>' + esc(p.name) + '</strong><br>' + esc(SCORES[state.score].label) + ': ' +
          (typeof p[state.score] === 'number' ? fmtNumber(p[state.score], 1) : 'not scored') + ' · ' +
          quality.rankText(p), { sticky: true, direction: 'top' });
        l.on('click', function () {
          select(p.cluster_grid_id, { zoom: false, scrollRow: true });
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

  function clusterBounds(id) {
    var bounds = null;
    state.clusterLayer.eachLayer(function (l) {
      if (l.feature && l.feature.properties.cluster_grid_id === id) {
        bounds = l.getBounds ? l.getBounds() : L.latLngBounds([l.getLatLng(), l.getLatLng()]);
      }
    });
    return bounds;
  }

  // ------------------------------------------------------------------ ranking table

  // the figures a planner compares first come right after the name; size and typology last
  var COLUMNS = [
    { key: 'rank', label: 'Rank', num: true, title: 'Rank by priority (gap × size) under the current weights' },
    { key: 'gap_rank', label: 'Gap rank', num: true, title: 'Rank by gap alone: the ranking to use when sizes are unknown' },
    { key: 'change', label: '±', num: true, title: 'Rank change against the profile\'s default weights' },
    { key: 'name', label: 'Cluster' },
    { key: 'composite', label: 'Score', num: true, title: 'Composite connectivity score, 0–100' },
    { key: 'gap', label: 'Gap', num: true, title: 'Overall gap to the typology\'s targets' },
    { key: 'priority', label: 'Priority', num: true, title: 'Gap × size' },
    { key: 'stability', label: 'Stability', num: true, title: 'Share of re-weightings keeping the rank band' },
    { key: 'roads_gap', label: 'Roads gap', num: true },
    { key: 'power_gap', label: 'Power gap', num: true },
    { key: 'finance_gap', label: 'Fin. gap', num: true },
    { key: 'markets_gap', label: 'Mkt gap', num: true },
    { key: 'size', label: 'Size', num: true, title: 'Employment (or firms)' },
    { key: 'typology', label: 'Typology' }
  ];

  function rowValue(f, key) {
    var p = f.properties;
    var reg = state.register[p.cluster_grid_id] || {};
    switch (key) {
      case 'change':
        return rankChange(p);
      case 'typology':
        return reg.typology || '';
      case 'sector':
        return reg.sector || '';
      case 'name':
        return (p.name || '').toLowerCase();
      default:
        return p[key];
    }
  }

  function rankChange(p) {
    var base = state.baselineRank[p.cluster_grid_id];
    return typeof base !== 'number' || typeof p.rank !== 'number' ? 0 : base - p.rank;
  }

  function passesFilters(f) {
    var p = f.properties;
    var reg = state.register[p.cluster_grid_id] || {};
    var fl = state.filters;
    return (!fl.typology || reg.typology === fl.typology) &&
      (!fl.sector || reg.sector === fl.sector) &&
      (!fl.country || countryOf(p.cluster_grid_id) === fl.country) &&
      (fl.band === '' || String(classOf(p[state.score])) === fl.band);
  }

  function renderTableHead() {
    var tr = $('ranking-table').querySelector('thead tr');
    tr.innerHTML = COLUMNS.map(function (c) {
      var sorted = state.sort.key === c.key;
      var aria = sorted ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none';
      var arrow = sorted ? (state.sort.dir > 0 ? ' ↑' : ' ↓') : '';
      var cls = (c.num ? 'num' : '') + (c.key === state.score ? ' current-score' : '');
      return '<th scope="col" class="' + cls + '" aria-sort="' + aria + '"' +
        (c.title ? ' title="' + esc(c.title) + '"' : '') + '><button type="button" class="sort" data-key="' +
        c.key + '">' + esc(c.label) + arrow + '</button></th>';
    }).join('');
  }

  function renderTable() {
    renderTableHead();
    var key = state.sort.key;
    var dir = state.sort.dir;
    var rows = state.features.filter(passesFilters).sort(function (a, b) {
      var va = rowValue(a, key);
      var vb = rowValue(b, key);
      if (va === vb) {
        return byRank(a.properties, b.properties);
      }
      if (va === null || va === undefined) {
        return 1;
      }
      if (vb === null || vb === undefined) {
        return -1;
      }
      return (va < vb ? -1 : 1) * dir;
    });
    var body = $('ranking-table').querySelector('tbody');
    if (rows.length === 0) {
      body.innerHTML = '<tr><td colspan="' + COLUMNS.length + '" class="muted">' +
        (state.features.length ? 'No cluster matches the filters.' : 'No clusters to rank.') + '</td></tr>';
      return;
    }
    body.innerHTML = rows.map(function (f) {
      var p = f.properties;
      var reg = state.register[p.cluster_grid_id] || {};
      var ch = rankChange(p);
      var change = ch > 0 ? '<span class="up" title="up ' + ch + ' from the default weights">▲' + ch + '</span>'
        : ch < 0 ? '<span class="down" title="down ' + (-ch) + ' from the default weights">▼' + (-ch) + '</span>'
          : '<span class="muted" title="same rank as with the default weights">–</span>';
      var k = classOf(p[state.score]);
      var swatch = '<span class="swatch box" style="background:' + (k < 0 ? NO_DATA_COLOR : state.classes[k].color) +
        '"></span>';
      var selected = p.cluster_grid_id === state.selected;
      return '<tr tabindex="0" data-id="' + esc(p.cluster_grid_id) + '"' +
        (selected ? ' class="selected" aria-selected="true"' : ' aria-selected="false"') + '>' +
        '<td class="num rank">' + quality.rankCell(p) + '</td>' +
        '<td class="num gap_rank">' + fmtNumber(p.gap_rank, 0) + '</td>' +
        '<td class="num change">' + change + '</td>' +
        '<td class="name">' + swatch + esc(p.name) + '<div class="id">' + esc(p.cluster_grid_id) + '</div>' +
        quality.unrankedNote(p, true) + '</td>' +
        cell(p, 'composite', 1) + cell(p, 'gap', 1) + cell(p, 'priority', 0) +
        '<td class="num stability">' + (typeof p.stability === 'number' ? p.stability.toFixed(2) : '—') + '</td>' +
        cell(p, 'roads_gap', 1) + cell(p, 'power_gap', 1) + cell(p, 'finance_gap', 1) + cell(p, 'markets_gap', 1) +
        '<td class="num">' + fmtNumber(p.size, 0) + '</td>' +
        '<td>' + esc(TYPOLOGY_LABELS[reg.typology] || reg.typology || '—') + '</td>' +
        '</tr>';
    }).join('');

    function cell(p, key, decimals) {
      return '<td class="num ' + key + (state.score === key ? ' current-score' : '') + '">' +
        fmtNumber(p[key], decimals) + '</td>';
    }
  }

  /** Ranked clusters first by rank, then those ranked by gap only, then the unscored, each by id. */
  function byRank(a, b) {
    var ra = typeof a.rank === 'number' ? a.rank : Infinity;
    var rb = typeof b.rank === 'number' ? b.rank : Infinity;
    if (ra !== rb) {
      return ra - rb;
    }
    var ga = typeof a.gap_rank === 'number' ? a.gap_rank : Infinity;
    var gb = typeof b.gap_rank === 'number' ? b.gap_rank : Infinity;
    if (ga !== gb) {
      return ga - gb;
    }
    return String(a.cluster_grid_id) < String(b.cluster_grid_id) ? -1 : 1;
  }

  function wireTable() {
    var table = $('ranking-table');
    table.querySelector('thead').addEventListener('click', function (ev) {
      var btn = ev.target.closest('button.sort');
      if (!btn) {
        return;
      }
      var key = btn.dataset.key;
      // numbers where bigger is "more" start descending, except the rank itself
      var firstDir = COLUMNS.filter(function (c) {
        return c.key === key;
      })[0].num && key !== 'rank' && key !== 'gap_rank' ? -1 : 1;
      state.sort = { key: key, dir: state.sort.key === key ? -state.sort.dir : firstDir };
      renderTable();
      var again = table.querySelector('button.sort[data-key="' + key + '"]');
      if (again) {
        again.focus();
      }
    });
    var body = table.querySelector('tbody');
    body.addEventListener('click', function (ev) {
      var tr = ev.target.closest('tr[data-id]');
      if (tr) {
        toggleRow(tr.dataset.id);
      }
    });
    body.addEventListener('keydown', function (ev) {
      var tr = ev.target.closest('tr[data-id]');
      if (!tr) {
        return;
      }
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        toggleRow(tr.dataset.id);
      } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        var next = ev.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
        if (next) {
          next.focus();
        }
      }
    });
  }

  /** A row selects its cluster and zooms to it; selecting it again goes back to the view before. */
  function toggleRow(id) {
    if (state.selected === id) {
      deselect(true);
    } else {
      select(id, { zoom: true });
    }
  }

  function fillFilterOptions() {
    var sets = { typology: {}, sector: {}, country: {} };
    Object.keys(state.register).forEach(function (id) {
      var r = state.register[id];
      if (r.typology) {
        sets.typology[r.typology] = true;
      }
      if (r.sector) {
        sets.sector[r.sector] = true;
      }
    });
    state.features.forEach(function (f) {
      var c = countryOf(f.properties.cluster_grid_id);
      if (c) {
        sets.country[c] = true;
      }
    });
    Object.keys(sets).forEach(function (k) {
      var select = $('filter-' + k);
      select.innerHTML = '<option value="">all</option>' + Object.keys(sets[k]).sort().map(function (v) {
        var label = k === 'typology' ? TYPOLOGY_LABELS[v] || v : k === 'country' && v === 'XX' ? 'XX (unknown)' : v;
        return '<option value="' + esc(v) + '">' + esc(label) + '</option>';
      }).join('');
      select.value = state.filters[k];
    });
    fillBandOptions();
  }

  function fillBandOptions() {
    var select = $('filter-band');
    var html = '<option value="">all</option>';
    for (var i = state.classes.length - 1; i >= 0; i--) {
      html += '<option value="' + i + '">' + esc(state.classes[i].label) + (i === 4 ? ' (most need)' : i === 0 ?
        ' (least need)' : '') + '</option>';
    }
    select.innerHTML = html;
    select.value = state.filters.band;
  }

  function wireFilters() {
    ['typology', 'sector', 'country', 'band'].forEach(function (k) {
      $('filter-' + k).addEventListener('change', function (ev) {
        state.filters[k] = ev.target.value;
        renderTable();
        saveUrlState();
      });
    });
  }

  // ------------------------------------------------------------------ detail panel

  var evidenceLayer = null;
  var detailSeq = 0;

  async function select(id, opts) {
    opts = opts || {};
    if (!state.byId[id]) {
      showMessage('No cluster with Cluster Grid ID ' + id + '.');
      return;
    }
    if (!state.selected) {
      state.viewBeforeSelect = { center: state.map.getCenter(), zoom: state.map.getZoom() };
    }
    state.selected = id;
    restyleClusters();
    renderTable();
    if (opts.scrollRow !== false) {
      var tr = document.querySelector('#ranking-table tr[data-id="' + id + '"]');
      if (tr && tr.scrollIntoView) {
        tr.scrollIntoView({ block: 'nearest' });
      }
    }
    saveUrlState();
    await loadDetail(id, !!opts.zoom);
  }

  /** Fits the map to the cluster and its evidence lines. */
  function zoomToSelection(id) {
    var b = clusterBounds(id);
    if (!b) {
      return;
    }
    if (evidenceLayer) {
      evidenceLayer.eachLayer(function (l) {
        b.extend(l.getBounds ? l.getBounds() : l.getLatLng());
      });
    }
    state.map.flyToBounds(b, {
      maxZoom: 14, duration: 0.6, padding: [30, 30]
    });
  }

  function deselect(goBack) {
    state.selected = null;
    $('detail').hidden = true;
    $('side').classList.remove('showing-detail');
    $('detail').removeAttribute('data-id');
    if (evidenceLayer) {
      state.map.removeLayer(evidenceLayer);
      evidenceLayer = null;
    }
    restyleClusters();
    renderTable();
    renderLegend();
    if (goBack && state.viewBeforeSelect) {
      state.map.flyTo(state.viewBeforeSelect.center, state.viewBeforeSelect.zoom, { duration: 0.6 });
    }
    state.viewBeforeSelect = null;
    saveUrlState();
  }

  function restyleClusters() {
    state.clusterLayer.eachLayer(function (l) {
      if (l.feature) {
        l.setStyle(clusterStyle(l.feature.properties));
        if (l.feature.properties.cluster_grid_id === state.selected && l.bringToFront) {
          l.bringToFront();
        }
      }
    });
  }

  /** Loads the register entry and the score breakdown of a cluster, then fills the panel and draws its evidence. */
  async function loadDetail(id, zoom) {
    var seq = ++detailSeq;
    var panel = $('detail');
    panel.hidden = false;
    $('side').classList.add('showing-detail');
    panel.setAttribute('aria-busy', 'true');
    $('detail-title').textContent = state.byId[id].properties.name;
    $('detail-body').innerHTML = '<p class="muted">Loading…</p>';
    var done = startTask('Loading the cluster…');
    try {
      var results = await Promise.all([
        getJson(API + 'clusters/' + encodeURIComponent(id)),
        getJson(API + 'scores/' + encodeURIComponent(id) + '?' + weightsQuery())
      ]);
      if (seq !== detailSeq || state.selected !== id) {
        return; // another cluster was chosen meanwhile
      }
      renderDetail(results[0].properties || {}, results[1]);
      drawEvidence(results[1]);
      panel.setAttribute('data-id', id);
      if (zoom) {
        zoomToSelection(id);
      }
    } catch (err) {
      if (seq === detailSeq) {
        $('detail-body').innerHTML = '<p class="error-cell">' + esc(err.message) + '</p>';
        showMessage('The cluster ' + id + ' could not be loaded. ' + err.message);
      }
    } finally {
      done();
      panel.removeAttribute('aria-busy');
    }
  }

  function renderDetail(reg, s) {
    var markets = String(reg.markets_served || '').split(';').filter(Boolean).join(', ') || '—';
    var size = reg.employment ? fmtNumber(reg.employment, 0) + ' employed' : '';
    if (reg.firms) {
      size += (size ? ', ' : '') + fmtNumber(reg.firms, 0) + ' firms';
    }
    var ch = rankChange(s);
    var html = '<dl class="facts">' +
      fact('Cluster Grid ID', '<code id="detail-id">' + esc(s.cluster_grid_id) + '</code>') +
      fact('Sector', esc(reg.sector || '—') + (reg.products ? '<div class="muted">' + esc(reg.products) + '</div>' : '')) +
      fact('Typology', esc(TYPOLOGY_LABELS[reg.typology] || reg.typology || '—') +
        (reg.setting ? ', ' + esc(reg.setting) : '')) +
      fact('Size', esc(size || fmtNumber(s.size, 0))) +
      fact('Markets served', esc(markets)) +
      '</dl>' +
      '<div class="headline">' +
      headline('Rank', '<span id="detail-rank">' + quality.rankCell(s) + '</span>' +
        (ch ? ' <span class="' + (ch > 0 ? 'up' : 'down') + '">' + (ch > 0 ? '▲' : '▼') + Math.abs(ch) + '</span>' : '')) +
      headline('Score', '<span id="detail-composite">' + fmtNumber(s.composite, 1) + '</span>' +
        '<div class="muted" id="detail-known">' + quality.knownText(s.known) + '</div>') +
      headline('Gap', '<span id="detail-gap">' + fmtNumber(s.gap, 1) + '</span>') +
      headline('Priority', '<span id="detail-priority">' + fmtNumber(s.priority, 0) + '</span>') +
      headline('Stability', '<span id="detail-stability">' +
        (typeof s.stability === 'number' ? s.stability.toFixed(2) : '—') + '</span>') +
      '</div>' + quality.unrankedNote(s) + quality.flagsHtml(s.quality);
    DIMENSIONS.forEach(function (d) {
      var dim = (s.dimensions || {})[d] || {};
      html += '<section class="dimension" data-dim="' + d + '"><h3><span class="dim-dot" style="background:' +
        EVIDENCE_COLORS[d] + '"></span>' + DIMENSION_LABELS[d] + '</h3>' +
        '<div class="dim-scores">score <strong class="dim-score">' +
        (typeof dim.score === 'number' ? fmtNumber(dim.score, 1) : 'not scored') + '</strong>' +
        ' · ' + quality.knownText(dim.known) +
        ' · target <strong class="dim-target">' + fmtNumber(dim.target, 0) + '</strong>' +
        ' · gap <strong class="dim-gap">' + fmtNumber(dim.gap, 1) + '</strong></div>' +
        bar(dim.score, dim.target) +
        '<table class="indicators"><thead><tr><th>Indicator</th><th class="num">Value</th>' +
        '<th class="num">Score</th></tr></thead><tbody>' +
        (dim.indicators || []).map(indicatorRow).join('') + '</tbody></table></section>';
    });
    html += '<p class="hint">Dashed lines on the map lead to the nearest feature behind each distance or travel ' +
      'time. <a href="' + API + 'scores/' + encodeURIComponent(s.cluster_grid_id) + '?' + weightsQuery() +
      '">Scores as JSON</a></p>';
    $('detail-body').innerHTML = html;

    function fact(k, v) {
      return '<dt>' + esc(k) + '</dt><dd>' + v + '</dd>';
    }
    function headline(k, v) {
      return '<div><div class="muted">' + esc(k) + '</div><div class="big">' + v + '</div></div>';
    }
  }

  /** A score bar with the target marked, so the gap is visible at a glance. */
  function bar(score, target) {
    var s = Math.max(0, Math.min(100, score || 0));
    var t = Math.max(0, Math.min(100, target || 0));
    return '<div class="bar" aria-hidden="true"><div class="bar-fill" style="width:' + s + '%"></div>' +
      '<div class="bar-target" style="left:' + t + '%"></div></div>';
  }

  function indicatorRow(ind) {
    var ev = ind.evidence;
    var evidence = '';
    if (ev) {
      var what = ev.name ? esc(ev.name) : 'unnamed <code>' + esc(ev.feature || '') + '</code>';
      evidence = '<div class="evidence">→ ' + what + ' <span class="muted">(' + esc(ev.layer) + ')</span>' +
        (fmtEvidence(ev) ? ', <span class="ev-distance">' + fmtEvidence(ev) + '</span>' : '') + '</div>';
    }
    return '<tr data-indicator="' + esc(ind.id) + '"' + (ind.missing ? ' class="missing"' : '') + '><td>' +
      esc(ind.title || ind.id) + evidence + quality.missingNote(ind) + '</td>' +
      '<td class="num ind-value" data-raw="' + esc(ind.value) + '" data-unit="' + esc(ind.unit) + '">' +
      esc(fmtIndicatorValue(ind)) + '</td><td class="num ind-score">' + fmtNumber(ind.score, 1) + '</td></tr>';
  }

  /** One dashed line per distinct evidence (cluster → nearest feature), labelled with its distance / time. */
  function drawEvidence(s) {
    if (evidenceLayer) {
      state.map.removeLayer(evidenceLayer);
    }
    evidenceLayer = L.layerGroup();
    var seen = {};
    DIMENSIONS.forEach(function (d) {
      ((s.dimensions || {})[d] || {}).indicators.forEach(function (ind) {
        var ev = ind.evidence;
        if (!ev || !ev.line || ev.line.length < 2) {
          return;
        }
        var a = L.latLng(ev.line[0][1], ev.line[0][0]);
        var b = L.latLng(ev.line[1][1], ev.line[1][0]);
        var key = d + '|' + ev.line.join('|');
        var label = fmtEvidence(ev);
        if (seen[key]) {
          if (label && seen[key].labels.indexOf(label) < 0) {
            seen[key].labels.push(label);
          }
          return;
        }
        seen[key] = { dim: d, a: a, b: b, labels: label ? [label] : [], name: ev.name || ev.feature };
      });
    });
    // labels sit at staggered points along their lines: lines to nearby targets often run side by side
    var STAGGER = [0.5, 0.72, 0.28, 0.6, 0.4, 0.82, 0.18];
    Object.keys(seen).forEach(function (key, i) {
      var e = seen[key];
      var color = EVIDENCE_COLORS[e.dim];
      L.circleMarker(e.b, { pane: 'evidence', radius: 5, color: color, weight: 2, fillColor: '#ffffff', fillOpacity: 1 })
        .addTo(evidenceLayer);
      if (e.a.equals(e.b) || !e.labels.length) {
        return; // on site: nothing to draw but the marker
      }
      // the label says how far / how long; the line's colour says which dimension (see the legend)
      L.polyline([e.a, e.b], { pane: 'evidence', color: color, weight: 3, dashArray: '6 4', opacity: 0.95 })
        .addTo(evidenceLayer);
      var t = STAGGER[i % STAGGER.length];
      L.tooltip({ permanent: true, direction: 'center', className: 'evidence-label evidence-' + e.dim, opacity: 0.95 })
        .setLatLng([e.a.lat + (e.b.lat - e.a.lat) * t, e.a.lng + (e.b.lng - e.a.lng) * t])
        .setContent(esc(e.labels.join(' / ')))
        .addTo(evidenceLayer);
    });
    evidenceLayer.addTo(state.map);
    renderLegend();
  }

  // ------------------------------------------------------------------ weights and scores

  function weightsQuery() {
    return DIMENSIONS.map(function (d) {
      return d + '=' + encodeURIComponent(String(state.weights[d] / 100));
    }).join('&');
  }

  function renderWeights() {
    $('weights').innerHTML = DIMENSIONS.map(function (d) {
      return '<div class="weight"><label for="weight-' + d + '">' + DIMENSION_LABELS[d] + '</label>' +
        '<input type="range" id="weight-' + d + '" data-dim="' + d + '" min="0" max="100" step="5" value="' +
        state.weights[d] + '"><output id="weight-' + d + '-share" for="weight-' + d + '"></output></div>';
    }).join('');
    updateShares();
    var rescoreSoon = debounce(rescore, CONFIG.rescoreDelayMs);
    $('weights').addEventListener('input', function (ev) {
      var d = ev.target.dataset.dim;
      if (!d) {
        return;
      }
      state.weights[d] = Number(ev.target.value);
      updateShares();
      rescoreSoon();
    });
    $('weights-reset').addEventListener('click', function () {
      setWeights(profileWeights());
      rescore();
    });
  }

  function profileWeights() {
    var w = {};
    DIMENSIONS.forEach(function (d) {
      w[d] = Math.round(((state.profile && state.profile.weights[d]) || 0.25) * 100);
    });
    return w;
  }

  function setWeights(w) {
    DIMENSIONS.forEach(function (d) {
      state.weights[d] = w[d];
      var input = $('weight-' + d);
      if (input) {
        input.value = w[d];
      }
    });
    updateShares();
  }

  /** Each slider's share of the total, as the server normalises the weights to sum to 1. */
  function updateShares() {
    var total = DIMENSIONS.reduce(function (s, d) {
      return s + state.weights[d];
    }, 0);
    DIMENSIONS.forEach(function (d) {
      var out = $('weight-' + d + '-share');
      if (out) {
        out.textContent = total > 0 ? Math.round(state.weights[d] / total * 100) + ' %' : '—';
      }
    });
  }

  var scoreSeq = 0;

  /** Fetches the scores under the current weights and redraws map, legend, table and panel. */
  async function rescore() {
    var total = DIMENSIONS.reduce(function (s, d) {
      return s + state.weights[d];
    }, 0);
    if (total <= 0) {
      $('ranking-status').textContent = 'Give at least one dimension some weight.';
      return;
    }
    var seq = ++scoreSeq;
    document.body.setAttribute('data-rescoring', 'true');
    $('ranking-status').textContent = 'Re-scoring…';
    var done = startTask('Re-scoring the clusters…');
    try {
      var fc = await getJson(API + 'scores?f=geojson&' + weightsQuery());
      if (seq !== scoreSeq) {
        return; // a newer slider position is on its way
      }
      applyScores(fc);
      $('ranking-status').textContent = state.features.length + ' clusters';
      if (state.selected) {
        loadDetail(state.selected);
      }
      saveUrlState();
    } catch (err) {
      if (seq === scoreSeq) {
        $('ranking-status').textContent = 'Scores not available.';
        showMessage('The clusters could not be scored. ' + err.message);
      }
    } finally {
      done();
      if (seq === scoreSeq) {
        document.body.removeAttribute('data-rescoring');
      }
    }
  }

  function applyScores(fc) {
    state.features = fc.features || [];
    state.byId = {};
    state.features.forEach(function (f) {
      state.byId[f.properties.cluster_grid_id] = f;
    });
    state.classes = computeClasses(state.score);
    drawClusters();
    renderLegend();
    fillBandOptions();
    renderTable();
  }

  function setScore(score) {
    if (!SCORES[score]) {
      return;
    }
    state.score = score;
    $('score-select').value = score;
    state.classes = computeClasses(score);
    state.filters.band = ''; // band numbers mean other ranges for another score
    drawClusters();
    renderLegend();
    fillBandOptions();
    renderTable();
    saveUrlState();
  }

  // ------------------------------------------------------------------ search

  function fillSearch() {
    $('search-list').innerHTML = state.features.map(function (f) {
      var p = f.properties;
      return '<option value="' + esc(p.cluster_grid_id) + '">' + esc(p.name) + '</option>' +
        '<option value="' + esc(p.name) + '">' + esc(p.cluster_grid_id) + '</option>';
    }).join('');
  }

  function findCluster(text) {
    var q = String(text || '').trim().toLowerCase();
    if (!q) {
      return null;
    }
    var exact = state.features.filter(function (f) {
      return f.properties.cluster_grid_id.toLowerCase() === q || (f.properties.name || '').toLowerCase() === q;
    });
    if (exact.length) {
      return exact[0].properties.cluster_grid_id;
    }
    var partial = state.features.filter(function (f) {
      return (f.properties.name || '').toLowerCase().indexOf(q) >= 0 ||
        f.properties.cluster_grid_id.toLowerCase().indexOf(q) >= 0;
    });
    return partial.length ? partial[0].properties.cluster_grid_id : null;
  }

  function wireSearch() {
    function go() {
      var id = findCluster($('search').value);
      if (id) {
        select(id, { zoom: true });
      } else {
        showMessage('No cluster matches "' + $('search').value + '". Try part of the name or the Cluster Grid ID.');
      }
    }
    $('search').addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        go();
      }
    });
    $('search-go').addEventListener('click', go);
  }

  // ------------------------------------------------------------------ URL state

  /**
   * The state a link restores, in the hash so that changing it never reloads the page:
   * #map=zoom/lat/lon&score=gap&w=25,25,25,25&layers=clusters,roads&sel=CG-XX-000007&typology=…&sector=…
   * The same keys are also read from the query string, for links written by hand or by other tools.
   */
  function readUrlState() {
    var params = new URLSearchParams(window.location.search);
    var hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    hash.forEach(function (v, k) {
      params.set(k, v);
    });
    var out = {};
    var m = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(params.get('map') || '');
    if (m) {
      out.view = { zoom: Number(m[1]), center: L.latLng(Number(m[2]), Number(m[3])) };
    }
    if (params.get('score')) {
      out.score = params.get('score');
    }
    if (params.get('w')) {
      var parts = params.get('w').split(',').map(Number);
      if (parts.length === 4 && parts.every(function (x) {
        return !isNaN(x) && x >= 0 && x <= 100;
      })) {
        out.weights = {};
        DIMENSIONS.forEach(function (d, i) {
          out.weights[d] = parts[i];
        });
      }
    }
    if (params.has('layers')) {
      out.layers = params.get('layers').split(',').filter(Boolean);
    }
    if (params.get('sel')) {
      out.selected = params.get('sel');
    }
    ['typology', 'sector', 'country', 'band'].forEach(function (k) {
      if (params.get(k)) {
        out[k] = params.get(k);
      }
    });
    return out;
  }

  var urlReady = false;
  function saveUrlState() {
    if (!urlReady) {
      return; // not before the state a link asked for is restored
    }
    var c = state.map.getCenter();
    var z = state.map.getZoom();
    var parts = [
      'map=' + z + '/' + c.lat.toFixed(5) + '/' + c.lng.toFixed(5),
      'score=' + state.score,
      'w=' + DIMENSIONS.map(function (d) {
        return state.weights[d];
      }).join(','),
      'layers=' + Object.keys(state.layers).filter(function (id) {
        return state.layers[id].on;
      }).join(',')
    ];
    if (state.selected) {
      parts.push('sel=' + encodeURIComponent(state.selected));
    }
    ['typology', 'sector', 'country', 'band'].forEach(function (k) {
      if (state.filters[k] !== '') {
        parts.push(k + '=' + encodeURIComponent(state.filters[k]));
      }
    });
    history.replaceState(null, '', window.location.pathname + '#' + parts.join('&'));
  }

  // ------------------------------------------------------------------ downloads and GIS URLs

  function clustersInView() {
    var view = state.map.getBounds();
    var ids = {};
    state.clusterLayer.eachLayer(function (l) {
      if (!l.feature) {
        return;
      }
      var b = l.getBounds ? l.getBounds() : L.latLngBounds([l.getLatLng(), l.getLatLng()]);
      if (view.intersects(b)) {
        ids[l.feature.properties.cluster_grid_id] = true;
      }
    });
    return ids;
  }

  function saveFile(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  function downloadGeoJson() {
    var ids = clustersInView();
    var fc = {
      type: 'FeatureCollection',
      weights: Object.assign({}, state.weights),
      features: state.features.filter(function (f) {
        return ids[f.properties.cluster_grid_id];
      })
    };
    saveFile('clusters-in-view.geojson', 'application/geo+json', JSON.stringify(fc));
  }

  /** The server's CSV under the current weights, keeping the header and the rows of the clusters in view. */
  async function downloadCsv() {
    var ids = clustersInView();
    var done = startTask('Preparing the CSV…');
    try {
      var csv = await getText(API + 'scores?f=csv&' + weightsQuery());
      var lines = csv.split(/\r\n/);
      var kept = [lines[0]].concat(lines.slice(1).filter(function (line) {
        return line && ids[line.split(',')[0]];
      }));
      saveFile('clusters-in-view.csv', 'text/csv', kept.join('\r\n') + '\r\n');
    } catch (err) {
      showMessage('The CSV could not be made. ' + err.message);
    } finally {
      done();
    }
  }

  function wireExport() {
    var base = window.location.origin + window.location.pathname.replace(/[^/]*$/, '');
    $('wms-url').value = base + 'ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities';
    $('oapif-url').value = base + 'ogc/features';
    $('download-geojson').addEventListener('click', downloadGeoJson);
    $('download-csv').addEventListener('click', downloadCsv);
    $('copy-link').addEventListener('click', function () {
      saveUrlState();
      copyText(window.location.href, 'Link to this view copied.');
    });
    document.querySelectorAll('button.copy').forEach(function (btn) {
      btn.addEventListener('click', function () {
        var input = $(btn.dataset.copy);
        input.select();
        copyText(input.value, 'Copied: ' + input.value);
      });
    });
  }

  function copyText(text, okMessage) {
    var status = $('copy-status');
    function fallback() {
      // no clipboard API (plain http on another host): leave the text selected for Ctrl+C
      status.textContent = 'Press Ctrl+C to copy: ' + text;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = okMessage;
      }, fallback);
    } else {
      fallback();
    }
  }

  // ------------------------------------------------------------------ page frame

  function renderHealth(health) {
    $('health').textContent = 'Server ' + (health.status || '?') + ' · ' + (health.store || '?') + ' store · ' +
      (health.datasets !== undefined ? health.datasets : '?') + ' dataset(s)';
    $('health').className = 'health ' + (health.status === 'UP' ? 'health-up' : 'health-down');
  }

  function renderSyntheticBanner(datasets) {
    var synthetic = datasets.filter(function (d) {
      return d.synthetic;
    });
    var banner = $('synthetic-banner');
    banner.hidden = synthetic.length === 0;
    if (synthetic.length) {
      banner.innerHTML = '<span class="banner-label">Demo data</span> Synthetic, not real places: ' +
        synthetic.map(function (d) {
          return '<strong>' + esc(d.title || d.id) + '</strong>';
        }).join(', ') + '. Do not use these clusters or their scores for decisions.';
    }
  }

  function createMap() {
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
    return map;
  }

  function addAttributions(datasets) {
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

  function wireKeys() {
    $('detail-close').addEventListener('click', function () {
      deselect(true);
    });
    document.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape' && state.selected) {
        var row = document.querySelector('#ranking-table tr[data-id="' + state.selected + '"]');
        deselect(true);
        if (row) {
          var again = document.querySelector('#ranking-table tr[data-id="' + row.dataset.id + '"]');
          if (again) {
            again.focus();
          }
        }
      }
    });
    $('score-select').addEventListener('change', function (ev) {
      setScore(ev.target.value);
    });
  }

  // ------------------------------------------------------------------ start

  async function start() {
    var t0 = performance.now();
    var asked = readUrlState();
    state.map = createMap();
    wireKeys();
    wireTable();
    wireFilters();
    wireSearch();
    wireExport();

    getJson(API + 'health').then(renderHealth).catch(function (err) {
      $('health').textContent = 'Server status unknown';
      $('health').className = 'health health-down';
      showMessage(err.message);
    });

    var done = startTask('Loading the region…');
    var profile, layers, datasets, register, baseline;
    try {
      // all independent: ask for them at once
      var results = await Promise.all([
        getJson(API + 'scoring/profile').catch(function (err) {
          showMessage('The scoring profile could not be loaded; equal weights are used. ' + err.message);
          return { name: '?', weights: { roads: 0.25, power: 0.25, finance: 0.25, markets: 0.25 } };
        }),
        getJson(API + 'layers').catch(function (err) {
          showMessage('The list of layers could not be loaded. ' + err.message);
          return [];
        }),
        getJson(API + 'datasets').catch(function (err) {
          showMessage('The datasets could not be loaded. ' + err.message);
          return [];
        }),
        getAllItems('clusters').catch(function (err) {
          showMessage('The cluster register could not be loaded. ' + err.message);
          return { features: [] };
        }),
        getJson(API + 'scores?f=geojson').catch(function (err) {
          showMessage('The clusters could not be scored. ' + err.message);
          return { features: [] };
        })
      ]);
      profile = results[0];
      layers = results[1];
      datasets = results[2];
      register = results[3];
      baseline = results[4];
    } finally {
      done();
    }

    state.profile = profile;
    state.datasets = datasets;
    renderSyntheticBanner(datasets);
    addAttributions(datasets);
    register.features.forEach(function (f) {
      var p = f.properties || {};
      if (p.cluster_grid_id) {
        state.register[p.cluster_grid_id] = p;
      }
    });
    (baseline.features || []).forEach(function (f) {
      state.baselineRank[f.properties.cluster_grid_id] = f.properties.rank;
    });

    // layers: those the server has, all on unless the link says otherwise
    layers.forEach(function (l) {
      state.layers[l.id] = { title: l.title || l.id, count: l.count, on: !asked.layers || asked.layers.indexOf(l.id) >= 0 };
    });
    if (!state.layers.clusters) {
      state.layers.clusters = { title: 'Clusters', on: true };
    }
    Object.keys(WMS_SURFACES).forEach(function (id) {
      state.layers[id] = { title: WMS_SURFACES[id], on: !!asked.layers && asked.layers.indexOf(id) >= 0 };
    });
    state.layers.coverage = { title: 'Where we have data', on: !!asked.layers && asked.layers.indexOf('coverage') >= 0 };
    if (CONFIG.basemap.url) {
      state.layers.basemap = {
        title: 'Basemap (online)',
        on: asked.layers ? asked.layers.indexOf('basemap') >= 0 : !!CONFIG.basemap.on
      };
    }
    renderLayerToggles();

    setWeights(asked.weights || profileWeights());
    renderWeights();
    if (asked.score && SCORES[asked.score]) {
      state.score = asked.score;
    }
    $('score-select').value = state.score;
    ['typology', 'sector', 'country', 'band'].forEach(function (k) {
      if (asked[k] !== undefined) {
        state.filters[k] = asked[k];
      }
    });

    // the baseline already is the profile's scoring; ask again only when the link carries other weights
    var sameAsProfile = DIMENSIONS.every(function (d) {
      return state.weights[d] === profileWeights()[d];
    });
    applyScores(sameAsProfile ? baseline : await getJson(API + 'scores?f=geojson&' + weightsQuery()).catch(function (err) {
      showMessage('The clusters could not be scored with the weights of the link. ' + err.message);
      return baseline;
    }));
    fillFilterOptions();
    fillSearch();
    renderTable();
    $('ranking-status').textContent = state.features.length ? state.features.length + ' clusters'
      : 'Scores not available';

    if (asked.view) {
      state.map.setView(asked.view.center, asked.view.zoom);
    } else if (state.clusterLayer && state.features.length) {
      state.map.fitBounds(state.clusterLayer.getBounds().pad(0.1));
    } else {
      var ext = (layers.filter(function (l) {
        return l.extent;
      })[0] || {}).extent;
      if (ext) {
        state.map.fitBounds([[ext[1], ext[0]], [ext[3], ext[2]]]);
      }
    }
    state.layers.clusters.on = !asked.layers || asked.layers.indexOf('clusters') >= 0;
    if (!state.layers.clusters.on) {
      state.map.removeLayer(state.clusterLayer);
    }

    // the clusters are on the map now: the figure the browser test reports as load time
    window.clusterGridMetrics = {
      clustersDrawnMs: performance.now(),
      startMs: t0,
      clusters: state.features.length
    };
    document.body.setAttribute('data-clusters-drawn', 'true');

    // context layers load after the clusters, so the map is readable as soon as possible
    var loads = Object.keys(state.layers).filter(function (id) {
      return id !== 'clusters' && state.layers[id].on;
    }).map(function (id) {
      return setLayer(id, true);
    });
    urlReady = true;
    if (asked.selected && state.byId[asked.selected]) {
      // restore the selection without moving the view the link asked for
      state.viewBeforeSelect = null;
      await select(asked.selected, { zoom: !asked.view });
    }
    await Promise.all(loads);
    saveUrlState();
    document.body.setAttribute('data-ready', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    start().catch(function (err) {
      pendingTasks = {};
      refreshLoading();
      showMessage('The page could not start: ' + err.message);
      document.body.setAttribute('data-ready', 'error');
    });
  });
})();
