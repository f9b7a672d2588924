// The cluster panel's content: register facts, headline figures and each dimension's indicators.
import { API, DIMENSIONS, DIMENSION_LABELS, EVIDENCE_COLORS, TYPOLOGY_LABELS } from './config.js';
import { fmtEvidence, fmtIndicatorValue, fmtNumber } from './format.js';
import { esc, flagsHtml, knownText, missingNote, rankCell, unrankedNote } from './quality.js';
import { rankChange } from './ranking-table.js';
import { $ } from './ui.js';
import { weightsQuery } from './weights.js';

export function renderDetail(reg, s) {
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
    headline('Rank', '<span id="detail-rank">' + rankCell(s) + '</span>' +
      (ch ? ' <span class="' + (ch > 0 ? 'up' : 'down') + '">' + (ch > 0 ? '▲' : '▼') + Math.abs(ch) + '</span>' : '')) +
    headline('Score', '<span id="detail-composite">' + fmtNumber(s.composite, 1) + '</span>' +
      '<div class="muted" id="detail-known">' + knownText(s.known) + '</div>') +
    headline('Gap', '<span id="detail-gap">' + fmtNumber(s.gap, 1) + '</span>') +
    headline('Priority', '<span id="detail-priority">' + fmtNumber(s.priority, 0) + '</span>') +
    headline('Stability', '<span id="detail-stability">' +
      (typeof s.stability === 'number' ? s.stability.toFixed(2) : '—') + '</span>') +
    '</div>' + reportLinks(s.cluster_grid_id) + unrankedNote(s) + flagsHtml(s.quality);
  DIMENSIONS.forEach(function (d) {
    var dim = (s.dimensions || {})[d] || {};
    html += '<section class="dimension" data-dim="' + d + '"><h3><span class="dim-dot" style="background:' +
      EVIDENCE_COLORS[d] + '"></span>' + DIMENSION_LABELS[d] + '</h3>' +
      '<div class="dim-scores">score <strong class="dim-score">' +
      (typeof dim.score === 'number' ? fmtNumber(dim.score, 1) : 'not scored') + '</strong>' +
      ' · ' + knownText(dim.known) +
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

/**
 * The printable profile of the cluster (HTML to read or print, PDF to carry into a meeting), made on the profile's
 * own run: the report states its weights, which may differ from the sliders'.
 */
function reportLinks(id) {
  var base = API + 'reports/clusters/' + encodeURIComponent(id);
  return '<p class="report-links"><a id="detail-report" class="report-button" href="' + base + '?f=html"' +
    ' target="_blank" rel="noopener" title="The cluster profile on the profile\'s weights, to read and print">' +
    'Report</a> <a id="detail-report-pdf" class="button-link" href="' + base + '?f=pdf" target="_blank"' +
    ' rel="noopener">PDF (A4)</a> · <a class="button-link" href="' + base + '?f=pdf&amp;paper=letter"' +
    ' target="_blank" rel="noopener">PDF (Letter)</a></p>';
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
    esc(ind.title || ind.id) + evidence + missingNote(ind) + '</td>' +
    '<td class="num ind-value" data-raw="' + esc(ind.value) + '" data-unit="' + esc(ind.unit) + '">' +
    esc(fmtIndicatorValue(ind)) + '</td><td class="num ind-score">' + fmtNumber(ind.score, 1) + '</td></tr>';
}
