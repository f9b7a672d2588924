// "By region": a polygon layer of your own drawn as a choropleth of its clusters' mean connectivity score, with its
// key, labels and the panel of figures per region.
import { getJson } from './api.js';
import { API, SCORES } from './config.js';
import { fmtNumber } from './format.js';
import { addLegendPart, renderLegend } from './legend.js';
import { esc } from './quality.js';
import { regionReportLinksHtml, showLayerReportLinks } from './region-report.js';
import { regionPopupHtml, renderRegionTable, unknownMean } from './regions-table.js';
import { classIn, computeClasses } from './score-classes.js';
import { state } from './state.js';
import { $, showMessage, startTask } from './ui.js';
import { saveUrlState } from './url-state.js';
import { weightsQuery } from './weights.js';

// the clusters' own composite classes (fixed breaks, so the same colours mean the same scores)
var classes = null;
var view = null; // {name, title, shapes: L.GeoJSON, labels: L.LayerGroup, regions: [{fid, flat, full, shape}]}
var seq = 0;
var legendAdded = false;

function meanOf(r) {
  return r.flat.composite_mean;
}

function ensureHatch() {
  if ($('cg-hatch')) {
    return;
  }
  // a pattern for regions without a scored cluster: grey lines, so "unknown" never looks like a low score
  var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '0');
  svg.setAttribute('height', '0');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.position = 'absolute';
  svg.innerHTML = '<defs><pattern id="cg-hatch" patternUnits="userSpaceOnUse" width="8" height="8" ' +
    'patternTransform="rotate(45)"><rect width="8" height="8" fill="#f0f0f0" fill-opacity="0.6"/>' +
    '<line x1="0" y1="0" x2="0" y2="8" stroke="#8a8a8a" stroke-width="2.5"/></pattern></defs>';
  document.body.appendChild(svg);
}

function regionStyle(r) {
  var k = classIn(classes, meanOf(r));
  if (k < 0) {
    return { color: '#6b6b6b', weight: 1.2, dashArray: '4 3', fillColor: 'url(#cg-hatch)', fillOpacity: 1 };
  }
  return { color: '#4d4d4d', weight: 1.2, fillColor: classes[k].color, fillOpacity: 0.6 };
}

/** The centre of a region's largest ring, for its label (Leaflet's centre of a multipolygon is of its first part). */
function labelPoint(geometry) {
  var polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  var best = null;
  polys.forEach(function (poly) {
    var ring = poly[0];
    var a = 0;
    var cx = 0;
    var cy = 0;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += f;
      cx += (ring[j][0] + ring[i][0]) * f;
      cy += (ring[j][1] + ring[i][1]) * f;
    }
    if (a !== 0 && (!best || Math.abs(a) > best.area)) {
      best = { area: Math.abs(a), lat: cy / (3 * a), lng: cx / (3 * a) };
    }
  });
  return best ? L.latLng(best.lat, best.lng) : null;
}

function labelHtml(r) {
  var m = meanOf(r);
  // an inner box, centred on the point: Leaflet positions the icon itself by its transform
  return '<div class="region-label-box"><span class="region-name">' + esc(r.flat.name || '#' + r.fid) + '</span>' +
    (typeof m === 'number' ? '<span>' + fmtNumber(m, 1) + '</span>' : '<span class="region-none">no scored cluster' +
      '</span>') + '</div>';
}

/** Sums the clusters up again (new weights) when an area layer is shown. */
export function refreshRegions() {
  if (view && state.regionLayer === view.name) {
    showRegions(view.name, view.title);
  }
}

/** Sums the clusters up by the areas of layer `name` and shows them on the map and in the panel. */
export async function showRegions(name, title) {
  var mine = ++seq;
  classes = classes || computeClasses('composite');
  removeFromMap();
  state.regionLayer = name;
  pressButtons();
  openPanel(title);
  var done = startTask('Summing up by ' + title + '…');
  try {
    // the weights of the sliders, as the clusters themselves are scored
    var base = API + 'regions/' + encodeURIComponent(name) + '?' + weightsQuery();
    var results = await Promise.all([getJson(base + '&f=geojson'), getJson(base)]);
    if (mine !== seq) {
      return;
    }
    draw(name, title, results[0], results[1]);
  } catch (err) {
    if (mine === seq) {
      $('regions-note').textContent = '';
      showMessage('The figures by ' + title + ' could not be loaded. ' + err.message);
      hideRegions();
    }
  } finally {
    done();
  }
}

function draw(name, title, geo, full) {
  ensureHatch();
  var fullByFid = {};
  (full.regions || []).forEach(function (r) {
    fullByFid[r.fid] = r;
  });
  var regions = [];
  var labels = L.layerGroup();
  var shapes = L.geoJSON(geo, {
    pane: 'regions',
    style: function (f) {
      return regionStyle({ flat: f.properties });
    },
    onEachFeature: function (f, shape) {
      var at = labelPoint(f.geometry);
      var r = {
        fid: f.properties.fid, flat: f.properties, full: fullByFid[f.properties.fid] || {}, shape: shape, at: at
      };
      regions.push(r);
      shape.bindPopup(function () {
        return regionPopupHtml(r) + '<p class="report-links">' + regionReportLinksHtml({ layer: name, feature: r.fid },
          'Report', 'The regional priority report of the clusters in this area') + '</p>';
      }, { maxWidth: 340 });
      shape.on('add', function () {
        var el = shape.getElement();
        if (el) {
          el.setAttribute('data-region', r.fid);
        }
      });
      if (at) {
        labels.addLayer(L.marker(at, {
          pane: 'regions', interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'region-label', html: labelHtml(r), iconSize: null })
        }));
      }
    }
  });
  view = { name: name, title: title, shapes: shapes, labels: labels, regions: regions };
  shapes.addTo(state.map);
  labels.addTo(state.map);
  if (!legendAdded) {
    addLegendPart('main', regionLegend);
    legendAdded = true;
  }
  renderLegend();
  $('regions-note').innerHTML = 'Mean connectivity score of the scored clusters in each area of <strong>' +
    esc(title) + '</strong>, under the weights of the sliders.' +
    (full.clustersOutside ? ' ' + fmtNumber(full.clustersOutside, 0) + ' cluster' +
      (full.clustersOutside === 1 ? ' lies' : 's lie') + ' outside every area.' : '');
  showLayerReportLinks(name, title);
  renderRegionTable(regions, zoomToRegion);
  saveUrlState();
}

var highlighted = null;

/**
 * Fits the map to a region and outlines it; its figures are in its row already, and a popup would open beneath the
 * legend. A click on the region shows them on the map.
 */
export function zoomToRegion(r) {
  if (highlighted && view && view.regions.indexOf(highlighted) >= 0) {
    highlighted.shape.setStyle(regionStyle(highlighted));
    highlighted.shape.getElement().classList.remove('region-highlighted');
  }
  highlighted = r;
  r.shape.setStyle({ color: '#08306b', weight: 3.5, dashArray: null });
  r.shape.bringToFront();
  var el = r.shape.getElement();
  if (el) {
    el.classList.add('region-highlighted');
  }
  state.map.fitBounds(r.shape.getBounds(), { padding: [20, 20] });
}

function removeFromMap() {
  if (view) {
    state.map.removeLayer(view.shapes);
    state.map.removeLayer(view.labels);
    view = null;
  }
}

export function hideRegions() {
  seq++;
  removeFromMap();
  state.regionLayer = null;
  pressButtons();
  $('regions').hidden = true;
  $('side').classList.remove('showing-regions');
  renderLegend();
  saveUrlState();
}

function openPanel(title) {
  $('regions').hidden = false;
  $('side').classList.add('showing-regions');
  $('regions-title').textContent = 'By region: ' + title;
  $('regions-note').textContent = 'Loading…';
  $('regions-report').innerHTML = '';
  $('regions-table').querySelector('tbody').innerHTML = '';
}

function pressButtons() {
  document.querySelectorAll('button[data-by]').forEach(function (b) {
    b.setAttribute('aria-pressed', String(b.dataset.by === state.regionLayer));
  });
}

function regionLegend() {
  if (!view) {
    return '';
  }
  var counts = [0, 0, 0, 0, 0];
  var none = 0;
  view.regions.forEach(function (r) {
    var k = classIn(classes, meanOf(r));
    if (k < 0) {
      none++;
    } else {
      counts[k]++;
    }
  });
  var html = '<div class="legend-title">Areas of ' + esc(view.title) + ': mean ' +
    esc(SCORES.composite.label.toLowerCase()) + '</div><div class="legend-note">lower = more need</div>';
  for (var i = classes.length - 1; i >= 0; i--) {
    html += '<div class="legend-row region-row"><span class="swatch box" style="background:' + classes[i].color +
      ';opacity:0.8"></span>' + esc(classes[i].label) + ' <span class="muted">(' + counts[i] + ')</span></div>';
  }
  return html + '<div class="legend-row region-row"><span class="swatch box hatch"></span>' + unknownMean() +
    ' <span class="muted">(' + none + ')</span></div>';
}

/** Wires the panel's close button. */
export function wireRegions() {
  $('regions-close').addEventListener('click', hideRegions);
}
