// The regional priority report (docs/reports.md): links to it for a layer's areas, one area, every cluster or the
// map's view, as HTML to read and print, PDF (A4, Letter) and CSV. Made on the profile's own run, whatever the
// sliders say: the report states its weights.
import { API } from './config.js';
import { esc } from './quality.js';
import { state } from './state.js';
import { $ } from './ui.js';

/** The report's URL for the region `params` ({layer, feature, bbox, …}) in format `f`. */
export function regionReportUrl(params, f, paper) {
  var q = Object.keys(params).filter(function (k) {
    return params[k] !== null && params[k] !== undefined && params[k] !== '';
  }).map(function (k) {
    return k + '=' + encodeURIComponent(params[k]);
  });
  q.push('f=' + f);
  if (paper) {
    q.push('paper=' + paper);
  }
  return API + 'reports/regions?' + q.join('&');
}

/** The links for a region: "Region report" (HTML, in a new tab), PDF on A4 or Letter, and the CSV of its clusters. */
export function regionReportLinksHtml(params, label, title) {
  function a(f, paper, text, cls) {
    return '<a class="' + cls + '" href="' + esc(regionReportUrl(params, f, paper)) + '" target="_blank" ' +
      'rel="noopener"' + (cls === 'report-button' ? ' title="' + esc(title) + '"' : '') + '>' + esc(text) + '</a>';
  }
  return a('html', null, label, 'report-button') + ' ' + a('pdf', null, 'PDF (A4)', 'button-link') + ' · ' +
    a('pdf', 'letter', 'PDF (Letter)', 'button-link') + ' · ' + a('csv', null, 'CSV', 'button-link');
}

/** The report links of a layer's areas, in the "By region" panel: its areas are the report's sub-regions. */
export function showLayerReportLinks(name, title) {
  $('regions-report').innerHTML = regionReportLinksHtml({ layer: name }, 'Region report',
    'The regional priority report of the clusters in the areas of ' + title + ', area by area, on the ' +
    'profile\'s own weights (not the sliders\')');
}

/** The map's view as a box the API takes: longitudes and latitudes clamped to their range. */
function viewBbox() {
  var b = state.map.getBounds();
  function clamp(v, lim) {
    return Math.max(-lim, Math.min(lim, v)).toFixed(5);
  }
  return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(',');
}

/** The buttons for a report of every cluster and of the clusters in the map's view. */
export function wireRegionReport() {
  $('report-all').addEventListener('click', function () {
    window.open(regionReportUrl({}, 'html'), '_blank', 'noopener');
  });
  $('report-view').addEventListener('click', function () {
    window.open(regionReportUrl({ bbox: viewBbox() }, 'html'), '_blank', 'noopener');
  });
}
