/*
 * ClusterGrid home page: a Leaflet map of every layer served by the JSON API, plus tables of the datasets and
 * layers. Plain ES2019, no build step. The map has no basemap: it shows the server's own layers only.
 */
(function () {
  'use strict';

  var API = 'api/';
  var PAGE_LIMIT = 10000;
  var MAX_PAGES = 200;

  // ------------------------------------------------------------------ styles

  var TYPOLOGY_COLORS = {
    high_tech_knowledge: '#1f77b4',
    dynamic_export: '#d62728',
    low_tech_domestic: '#ff7f0e',
    artisanal_craft: '#9467bd',
    service_based: '#2ca02c'
  };
  var TYPOLOGY_LABELS = {
    high_tech_knowledge: 'High-tech / knowledge',
    dynamic_export: 'Dynamic export-oriented',
    low_tech_domestic: 'Low-tech domestic',
    artisanal_craft: 'Artisanal / craft',
    service_based: 'Service-based'
  };

  // colour and width per OSM highway class; paving decides the dash pattern
  var ROAD_STYLES = {
    motorway: { color: '#a50f15', weight: 5 },
    trunk: { color: '#cb181d', weight: 4.5 },
    primary: { color: '#e6550d', weight: 4 },
    secondary: { color: '#d9a400', weight: 3.2 },
    tertiary: { color: '#707070', weight: 2.6 },
    unclassified: { color: '#8c8c8c', weight: 2 },
    residential: { color: '#a0a0a0', weight: 1.6 },
    service: { color: '#b0b0b0', weight: 1.4 },
    track: { color: '#8c6d31', weight: 1.6 },
    path: { color: '#6b4c2a', weight: 1.1 },
    footway: { color: '#6b4c2a', weight: 1.1 }
  };
  var ROAD_DEFAULT = { color: '#999999', weight: 1.5 };

  var FINANCE_COLORS = {
    bank: '#08519c',
    atm: '#6baed6',
    credit_cooperative: '#31a354',
    microfinance: '#74c476',
    mobile_money_agent: '#fd8d3c',
    bureau_de_change: '#9e9ac8',
    informal_credit: '#a63603'
  };

  var MARKET_STYLES = {
    city: { color: '#252525', radius: 11 },
    town: { color: '#525252', radius: 7.5 },
    village: { color: '#969696', radius: 4 },
    marketplace: { color: '#e7298a', radius: 5 },
    port: { color: '#0570b0', radius: 7 },
    airport: { color: '#0570b0', radius: 7 }
  };

  var POWER_POINT_STYLES = {
    substation: { color: '#54278f', radius: 6 },
    transformer: { color: '#807dba', radius: 3.5 },
    plant: { color: '#3f007d', radius: 9 },
    generator: { color: '#dd3497', radius: 5 }
  };

  /** Highest voltage in volts from a "33000;11000" list, or null. */
  function maxVoltage(voltages) {
    if (voltages === null || voltages === undefined || voltages === '') {
      return null;
    }
    var max = null;
    String(voltages).split(';').forEach(function (v) {
      var n = parseFloat(v);
      if (!isNaN(n) && (max === null || n > max)) {
        max = n;
      }
    });
    return max;
  }

  function powerLineStyle(p) {
    var v = maxVoltage(p.voltages);
    var style;
    if (v !== null && v >= 100000) {
      style = { color: '#3f007d', weight: 4 };
    } else if (v !== null && v >= 30000) {
      style = { color: '#6a51a3', weight: 3 };
    } else if (v !== null) {
      style = { color: '#9e9ac8', weight: 2 };
    } else {
      style = { color: '#bcbddc', weight: 1.5 };
    }
    style.opacity = 0.9;
    if (p.kind === 'cable') {
      style.dashArray = '2 5';
    }
    return style;
  }

  function roadStyle(p) {
    var base = ROAD_STYLES[p['class']] || ROAD_DEFAULT;
    var style = { color: base.color, weight: base.weight, opacity: 0.95, lineCap: 'butt' };
    if (p.motorable === false) {
      style.dashArray = '1 4';
      style.lineCap = 'round';
    } else if (p.paving === 'unpaved') {
      style.dashArray = '7 5';
    } else if (p.paving === 'unknown') {
      style.dashArray = '12 3 2 3';
    }
    return style;
  }

  function clusterColor(p) {
    return TYPOLOGY_COLORS[p.typology] || '#636363';
  }

  function clusterRadius(p) {
    var size = p.employment || p.firms || 0;
    return Math.max(6, Math.min(18, 4 + Math.sqrt(size) / 10));
  }

  /** Per layer: pane, line/polygon style and point symbol. */
  var LAYER_DRAWING = {
    clusters: {
      style: function (p) {
        return { color: clusterColor(p), weight: 2, fillColor: clusterColor(p), fillOpacity: 0.35 };
      },
      point: function (p, latlng) {
        return L.circleMarker(latlng, {
          radius: clusterRadius(p), color: '#ffffff', weight: 2, fillColor: clusterColor(p), fillOpacity: 0.9
        });
      }
    },
    roads: {
      style: roadStyle,
      point: function (p, latlng) {
        return L.circleMarker(latlng, { radius: 2, color: '#777777' });
      }
    },
    power: {
      style: function (p) {
        if (p.kind === 'plant' || p.kind === 'substation') {
          var s = POWER_POINT_STYLES[p.kind];
          return { color: s.color, weight: 1.5, fillColor: s.color, fillOpacity: 0.4 };
        }
        return powerLineStyle(p);
      },
      point: function (p, latlng) {
        var s = POWER_POINT_STYLES[p.kind] || { color: '#6a51a3', radius: 4 };
        return L.circleMarker(latlng, {
          radius: s.radius, color: '#ffffff', weight: 1, fillColor: s.color, fillOpacity: 0.95
        });
      }
    },
    finance: {
      style: function () {
        return { color: '#08519c' };
      },
      point: function (p, latlng) {
        return L.circleMarker(latlng, {
          radius: 4.5, color: '#ffffff', weight: 1, fillColor: FINANCE_COLORS[p.type] || '#636363',
          fillOpacity: 0.95
        });
      }
    },
    markets: {
      style: function () {
        return { color: '#525252' };
      },
      point: function (p, latlng) {
        var s = MARKET_STYLES[p.kind] || { color: '#525252', radius: 4 };
        return L.circleMarker(latlng, {
          radius: s.radius, color: s.color, weight: 2, fillColor: '#ffffff', fillOpacity: 0.85
        });
      }
    }
  };

  // draw order, bottom to top
  var PANES = { roads: 410, power: 420, markets: 430, finance: 440, clusters: 450 };

  // ------------------------------------------------------------------ helpers

  function $(id) {
    return document.getElementById(id);
  }

  function esc(value) {
    return String(value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
  }

  function formatNumber(n) {
    return typeof n === 'number' ? n.toLocaleString('en') : esc(n);
  }

  function showMessage(text) {
    var div = document.createElement('div');
    div.className = 'message message-error';
    div.textContent = text;
    $('messages').appendChild(div);
  }

  var pending = 0;
  function loading(delta, text) {
    pending += delta;
    if (text) {
      $('loading-text').textContent = text;
    }
    $('loading').hidden = pending <= 0;
  }

  /** A short reason from an error body: a JSON problem's detail/message, else the text without markup. */
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
    var text = body.replace(/<(script|style|title|head)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ').trim();
    return text.slice(0, 300);
  }

  /** GET a JSON document; rejects with a readable message on network errors and non-2xx answers. */
  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json, application/geo+json' } })
      .catch(function (err) {
        throw new Error('Could not reach the server for ' + url + ' (' + err.message + ')');
      })
      .then(function (res) {
        if (!res.ok) {
          return res.text().then(function (body) {
            var detail = errorDetail(body);
            throw new Error('Request ' + url + ' failed with HTTP ' + res.status + ' ' + res.statusText +
              (detail ? ': ' + detail : ''));
          });
        }
        return res.json().catch(function () {
          throw new Error('The answer to ' + url + ' is not valid JSON');
        });
      });
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

  function popupHtml(layerTitle, p) {
    var rows = Object.keys(p || {}).map(function (k) {
      var v = p[k];
      var shown = v === null || v === undefined ? '<span class="muted">—</span>' : esc(v);
      return '<tr><th>' + esc(k) + '</th><td>' + shown + '</td></tr>';
    });
    var title = p && (p.name || p.id || p.source_id);
    return '<div class="popup"><div class="popup-layer">' + esc(layerTitle) + '</div>' +
      (title ? '<div class="popup-title">' + esc(title) + '</div>' : '') +
      '<table>' + rows.join('') + '</table></div>';
  }

  // ------------------------------------------------------------------ page parts

  function renderHealth(health) {
    $('health').textContent = 'Server ' + (health.status || '?') + ' · store ' + (health.store || '?') +
      ' · ' + (health.datasets !== undefined ? health.datasets : '?') + ' dataset(s)';
    $('health').className = 'health ' + (health.status === 'UP' ? 'health-up' : 'health-down');
  }

  function renderSyntheticBanner(datasets) {
    var synthetic = datasets.filter(function (d) {
      return d.synthetic;
    });
    var banner = $('synthetic-banner');
    if (synthetic.length === 0) {
      banner.hidden = true;
      return;
    }
    var names = synthetic.map(function (d) {
      return '<strong>' + esc(d.title || d.id) + '</strong> (' + esc(d.id) + ')';
    });
    banner.innerHTML = '<span class="banner-label">Demo data</span> Synthetic, not real places: ' +
      names.join(', ') + '. Do not use these features or their scores for decisions.';
    banner.hidden = false;
  }

  function renderDatasets(datasets) {
    var body = $('datasets-table').querySelector('tbody');
    if (datasets.length === 0) {
      body.innerHTML = '<tr><td colspan="8" class="muted">No datasets imported yet.</td></tr>';
      return;
    }
    body.innerHTML = datasets.map(function (d) {
      var counts = d.featureCounts || {};
      var perLayer = Object.keys(counts).map(function (k) {
        return '<span class="count-chip">' + esc(k) + ' ' + formatNumber(counts[k]) + '</span>';
      }).join(' ');
      var imported = d.importedAt ? new Date(d.importedAt) : null;
      var importedText = imported && !isNaN(imported.getTime())
        ? '<time datetime="' + esc(d.importedAt) + '">' +
          esc(imported.toISOString().slice(0, 16).replace('T', ' ')) + ' UTC</time>'
        : esc(d.importedAt || '—');
      return '<tr' + (d.synthetic ? ' class="row-synthetic"' : '') + '>' +
        '<td>' + esc(d.title || '') + '</td>' +
        '<td><code>' + esc(d.id) + '</code></td>' +
        '<td>' + esc(d.source || '—') + '</td>' +
        '<td>' + esc(d.licence || '—') + '</td>' +
        '<td>' + importedText + '</td>' +
        '<td>' + (perLayer || '<span class="muted">none</span>') + '</td>' +
        '<td class="num">' + formatNumber(d.featureCount !== undefined ? d.featureCount : '—') + '</td>' +
        '<td>' + (d.synthetic ? '<span class="flag-synthetic">synthetic</span>' : 'no') + '</td>' +
        '</tr>';
    }).join('');
  }

  function formatExtent(e) {
    if (!e || e.length !== 4) {
      return '<span class="muted">empty</span>';
    }
    return e.map(function (v) {
      return Number(v).toFixed(4);
    }).join(', ');
  }

  function renderLayers(layers) {
    var body = $('layers-table').querySelector('tbody');
    if (layers.length === 0) {
      body.innerHTML = '<tr><td colspan="5" class="muted">No layers.</td></tr>';
      return;
    }
    body.innerHTML = layers.map(function (l) {
      var href = API + 'layers/' + encodeURIComponent(l.id) + '/items?limit=100';
      return '<tr>' +
        '<td>' + esc(l.title || l.id) + '</td>' +
        '<td><code>' + esc(l.id) + '</code></td>' +
        '<td class="num">' + formatNumber(l.count) + '</td>' +
        '<td>' + formatExtent(l.extent) + '</td>' +
        '<td><a href="' + esc(href) + '">items</a></td>' +
        '</tr>';
    }).join('');
  }

  // ------------------------------------------------------------------ map

  function createMap() {
    var map = L.map('map', { zoomSnap: 0.25, preferCanvas: false }).setView([0, 0], 2);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
    Object.keys(PANES).forEach(function (id) {
      map.createPane('layer-' + id).style.zIndex = PANES[id];
    });
    return map;
  }

  /** Fit the map to bounds, keeping the data clear of the legend and layer switcher when there is room. */
  function fitTo(map, bounds) {
    var side = map.getSize().x > 900 ? 230 : 20;
    map.fitBounds(bounds, { paddingTopLeft: [side, 20], paddingBottomRight: [side, 20] });
  }

  function extentBounds(layers) {
    var bounds = null;
    layers.forEach(function (l) {
      if (l.extent && l.extent.length === 4) {
        var b = L.latLngBounds([l.extent[1], l.extent[0]], [l.extent[3], l.extent[2]]);
        bounds = bounds ? bounds.extend(b) : b;
      }
    });
    return bounds;
  }

  function addAttributions(map, datasets) {
    var seen = {};
    datasets.forEach(function (d) {
      var text = d.attribution || d.title || d.id;
      if (text && !seen[text]) {
        seen[text] = true;
        map.attributionControl.addAttribution(esc(text));
      }
    });
  }

  function geoJsonLayer(layer, data) {
    var drawing = LAYER_DRAWING[layer.id] || LAYER_DRAWING.markets;
    var pane = PANES[layer.id] ? 'layer-' + layer.id : 'overlayPane';
    return L.geoJSON(data, {
      pane: pane,
      style: function (f) {
        return drawing.style(f.properties || {});
      },
      pointToLayer: function (f, latlng) {
        var marker = drawing.point(f.properties || {}, latlng);
        marker.options.pane = pane;
        return marker;
      },
      onEachFeature: function (f, l) {
        l.bindPopup(popupHtml(layer.title || layer.id, f.properties), { maxWidth: 360 });
        var p = f.properties || {};
        if (p.name) {
          l.bindTooltip(esc(p.name), { sticky: true, direction: 'top' });
        }
      }
    });
  }

  function addLegend(map) {
    var legend = L.control({ position: 'bottomleft' });
    legend.onAdd = function () {
      var div = L.DomUtil.create('details', 'legend');
      div.open = map.getSize().x > 700;
      var html = '<summary>Legend</summary><div class="legend-title">Clusters (typology)</div>';
      Object.keys(TYPOLOGY_COLORS).forEach(function (k) {
        html += '<div><span class="swatch dot" style="background:' + TYPOLOGY_COLORS[k] + '"></span>' +
          esc(TYPOLOGY_LABELS[k]) + '</div>';
      });
      html += '<div class="legend-title">Roads</div>' +
        line('#cb181d', 4, '', 'trunk') + line('#e6550d', 3.5, '', 'primary') +
        line('#d9a400', 3, '', 'secondary') + line('#707070', 2.5, '', 'tertiary / local') +
        line('#8c6d31', 2, '', 'track') + line('#555555', 2, '', 'paved') +
        line('#555555', 2, '7 5', 'unpaved') + line('#555555', 2, '12 3 2 3', 'surface unknown') +
        line('#6b4c2a', 2, '1 4', 'path / footway');
      html += '<div class="legend-title">Power</div>' +
        line('#3f007d', 4, '', '≥ 100 kV') + line('#6a51a3', 3, '', '30–100 kV') +
        line('#9e9ac8', 2, '', '< 30 kV') + line('#9e9ac8', 2, '2 5', 'cable');
      html += '<div class="legend-title">Finance</div>';
      Object.keys(FINANCE_COLORS).forEach(function (k) {
        html += '<div><span class="swatch dot small" style="background:' + FINANCE_COLORS[k] + '"></span>' +
          esc(k.replace(/_/g, ' ')) + '</div>';
      });
      html += '<div class="legend-title">Markets</div>' +
        '<div><span class="swatch ring" style="border-color:#252525"></span>city / town / village</div>' +
        '<div><span class="swatch ring" style="border-color:#e7298a"></span>marketplace</div>' +
        '<div><span class="swatch ring" style="border-color:#0570b0"></span>port / airport</div>';
      div.innerHTML = html;
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    legend.addTo(map);

    function line(color, weight, dash, label) {
      return '<div><svg class="swatch" width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5"' +
        ' stroke="' + color + '" stroke-width="' + weight + '"' + (dash ? ' stroke-dasharray="' + dash + '"' : '') +
        '/></svg>' + esc(label) + '</div>';
    }
  }

  async function loadLayers(map, layers) {
    var order = ['roads', 'power', 'markets', 'finance', 'clusters'];
    // list the overlays like the draw order, topmost first, whatever order they finish loading in
    var control = L.control.layers(null, null, {
      collapsed: false,
      position: 'topright',
      sortLayers: true,
      sortFunction: function (a, b) {
        return b.cgOrder - a.cgOrder;
      }
    }).addTo(map);
    var sorted = layers.slice().sort(function (a, b) {
      return order.indexOf(a.id) - order.indexOf(b.id);
    });
    var loadedBounds = null;
    await Promise.all(sorted.map(async function (layer) {
      loading(1, 'Loading ' + (layer.title || layer.id) + '…');
      try {
        var data = await getAllItems(layer.id);
        var gl = geoJsonLayer(layer, data).addTo(map);
        gl.cgOrder = order.indexOf(layer.id);
        control.addOverlay(gl, esc(layer.title || layer.id) + ' <span class="muted">(' +
          formatNumber(data.features.length) + ')</span>');
        if (data.features.length > 0) {
          var b = gl.getBounds();
          loadedBounds = loadedBounds ? loadedBounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
        }
      } catch (err) {
        showMessage('Layer "' + (layer.title || layer.id) + '" could not be loaded. ' + err.message);
      } finally {
        loading(-1);
      }
    }));
    return loadedBounds;
  }

  // ------------------------------------------------------------------ start

  async function start() {
    var map = createMap();
    addLegend(map);
    loading(1, 'Loading datasets and layers…');

    getJson(API + 'health').then(renderHealth).catch(function (err) {
      $('health').textContent = 'Server status unknown';
      $('health').className = 'health health-down';
      showMessage(err.message);
    });

    var datasets = [];
    var layers = [];
    try {
      var results = await Promise.all([
        getJson(API + 'datasets').catch(function (err) {
          showMessage('Datasets could not be loaded. ' + err.message);
          $('datasets-table').querySelector('tbody').innerHTML =
            '<tr><td colspan="8" class="error-cell">Not available.</td></tr>';
          return null;
        }),
        getJson(API + 'layers').catch(function (err) {
          showMessage('Layers could not be loaded. ' + err.message);
          $('layers-table').querySelector('tbody').innerHTML =
            '<tr><td colspan="5" class="error-cell">Not available.</td></tr>';
          return null;
        })
      ]);
      if (results[0]) {
        datasets = results[0];
        renderDatasets(datasets);
        renderSyntheticBanner(datasets);
        addAttributions(map, datasets);
      }
      if (results[1]) {
        layers = results[1];
        renderLayers(layers);
      }
    } finally {
      loading(-1);
    }

    var bounds = extentBounds(layers);
    if (bounds && bounds.isValid()) {
      fitTo(map, bounds);
    }
    if (layers.length === 0) {
      return;
    }
    var loaded = await loadLayers(map, layers);
    if (!bounds && loaded && loaded.isValid()) {
      fitTo(map, loaded);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    start().catch(function (err) {
      loading(-pending);
      showMessage('The page could not start: ' + err.message);
    });
  });
})();
