// The figures by region: the sortable table beside the map and a region's popup. Unknowns are "—" with the reason,
// never 0.
import { select } from './cluster-panel.js';
import { DIMENSIONS, DIMENSION_LABELS } from './config.js';
import { fmtNumber } from './format.js';
import { esc } from './quality.js';
import { $ } from './ui.js';

var COLUMNS = [
  { key: 'name', label: 'Area', text: true },
  { key: 'clusters', label: 'Clusters', num: true },
  // soft hyphens: long headings may break so that the table fits beside the map
  { key: 'employment', label: 'Employ\u00adment', num: true },
  { key: 'mean', label: 'Mean score', num: true, title: 'Mean connectivity score of the scored clusters' }
].concat(DIMENSIONS.map(function (d) {
  return { key: d, label: DIMENSION_LABELS[d].replace('Electricity', 'Elec\u00adtricity'), num: true, short: true,
    title: 'Share of the clusters short of their target for ' + DIMENSION_LABELS[d].toLowerCase() };
}));

var VALUE = {
  name: function (r) {
    return r.flat.name;
  },
  clusters: function (r) {
    return r.flat.clusters;
  },
  employment: function (r) {
    return r.flat.employment;
  },
  mean: function (r) {
    return r.flat.composite_mean;
  }
};
DIMENSIONS.forEach(function (d) {
  VALUE[d] = function (r) {
    return r.flat[d + '_short_share'];
  };
});

// the most need first: the lowest mean score on top
var sort = { key: 'mean', dir: 1 };
var shown = { regions: [], zoom: null };

export function unknownMean() {
  return 'no scored cluster';
}

/** "—" with why the figure is unknown, for the eye (tooltip) and for screen readers. */
function unknown(why) {
  var text = why + ' (unknown, not zero)';
  return '<span class="unknown" title="' + esc(text) + '" aria-label="unknown: ' + esc(text) + '">—</span>';
}

function noClusters(r) {
  return r.flat.clusters === 0 ? 'No cluster lies in this area' : null;
}

function meanCell(r) {
  var m = r.flat.composite_mean;
  if (typeof m === 'number') {
    return fmtNumber(m, 1);
  }
  return unknown(noClusters(r) || 'None of its ' + r.flat.clusters + ' clusters has a connectivity score: too ' +
    'little is known about them');
}

function employmentCell(r) {
  var e = r.flat.employment;
  if (typeof e === 'number') {
    var of = r.full.employmentKnownFor;
    var partial = typeof of === 'number' && of < r.flat.clusters;
    return partial ? '<span title="Reported by ' + of + ' of its ' + r.flat.clusters + ' clusters">' +
      fmtNumber(e, 0) + '*</span>' : fmtNumber(e, 0);
  }
  return unknown(noClusters(r) || 'None of its clusters reports its employment');
}

function shareCell(r, d) {
  var s = r.flat[d + '_short_share'];
  if (typeof s === 'number') {
    return Math.round(s * 100) + ' %';
  }
  return unknown(noClusters(r) || 'None of its clusters has a known ' + DIMENSION_LABELS[d].toLowerCase() + ' gap');
}

function topCell(r) {
  var top = (r.full.topPriorities || [])[0];
  if (!top) {
    return unknown(noClusters(r) || 'None of its clusters is ranked');
  }
  return '<button type="button" class="link-button top-priority" data-cluster="' + esc(top.id) + '" title="Show ' +
    esc(top.name) + ', rank ' + top.rank + ' in the region">' + esc(top.name) + '</button> <span class="muted">#' +
    top.rank + '</span>';
}

function compare(a, b) {
  var va = VALUE[sort.key](a);
  var vb = VALUE[sort.key](b);
  var ua = va === null || va === undefined;
  var ub = vb === null || vb === undefined;
  if (ua || ub) {
    return ua === ub ? String(a.flat.name).localeCompare(String(b.flat.name)) : ua ? 1 : -1; // unknowns last
  }
  var c = typeof va === 'string' ? va.localeCompare(vb) : va - vb;
  return c * sort.dir || String(a.flat.name).localeCompare(String(b.flat.name));
}

function headHtml() {
  function th(c, extra) {
    var sorted = sort.key === c.key;
    return '<th scope="col"' + (c.num ? ' class="num"' : '') + (extra || '') + ' aria-sort="' +
      (sorted ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none') + '"><button type="button" class="sort" ' +
      'data-sort="' + c.key + '"' + (c.title ? ' title="' + esc(c.title) + '"' : '') + '>' + esc(c.label) +
      (sorted ? (sort.dir > 0 ? ' ▲' : ' ▼') : '') + '</button></th>';
  }
  var main = COLUMNS.filter(function (c) {
    return !c.short;
  });
  return '<tr>' + main.map(function (c) {
    return th(c, ' rowspan="2"');
  }).join('') + '<th scope="colgroup" colspan="4" class="group">Short of target</th>' +
    '<th scope="col" rowspan="2">Top priority</th></tr><tr>' + COLUMNS.filter(function (c) {
    return c.short;
  }).map(function (c) {
    return th(c);
  }).join('') + '</tr>';
}

function rowHtml(r, i) {
  return '<tr data-fid="' + r.fid + '" data-i="' + i + '"><th scope="row"><button type="button" ' +
    'class="link-button zoom" title="Zoom to ' + esc(r.flat.name) + ' and show its figures">' +
    esc(r.flat.name || '#' + r.fid) + '</button></th><td class="num">' + fmtNumber(r.flat.clusters, 0) +
    (r.flat.clusters ? '<span class="muted sub">' + r.flat.scored + ' scored</span>' : '') + '</td><td class="num">' +
    employmentCell(r) + '</td><td class="num mean">' + meanCell(r) + '</td>' + DIMENSIONS.map(function (d) {
    return '<td class="num">' + shareCell(r, d) + '</td>';
  }).join('') + '<td class="top">' + topCell(r) + '</td></tr>';
}

/** Fills the table with the regions, sorted; a click on a row zooms to it, one on its top priority selects it. */
export function renderRegionTable(regions, zoom) {
  shown = { regions: regions, zoom: zoom };
  var table = $('regions-table');
  var sorted = regions.slice().sort(compare);
  table.querySelector('thead').innerHTML = headHtml();
  table.querySelector('tbody').innerHTML = sorted.length ? sorted.map(rowHtml).join('') :
    '<tr><td colspan="9" class="muted">This layer has no areas.</td></tr>';
  shown.sorted = sorted;
}

/** Sorting, zooming to a row's region and showing its top priority, wired once. */
export function wireRegionTable() {
  $('regions-table').addEventListener('click', function (ev) {
    var sortBtn = ev.target.closest('button[data-sort]');
    if (sortBtn) {
      var key = sortBtn.dataset.sort;
      sort = { key: key, dir: sort.key === key ? -sort.dir : (key === 'clusters' || key === 'employment' ? -1 : 1) };
      renderRegionTable(shown.regions, shown.zoom);
      $('regions-table').querySelector('button[data-sort="' + key + '"]').focus();
      return;
    }
    var top = ev.target.closest('button[data-cluster]');
    if (top) {
      select(top.dataset.cluster, { zoom: true });
      return;
    }
    var tr = ev.target.closest('tbody tr[data-i]');
    if (tr) {
      shown.zoom(shown.sorted[Number(tr.dataset.i)]);
    }
  });
}

/** A region's figures, for its popup on the map. */
export function regionPopupHtml(r) {
  var f = r.flat;
  var med = f.composite_median;
  var rows = [
    ['Clusters', fmtNumber(f.clusters, 0) + (f.clusters ? ' (' + f.scored + ' scored)' : '')],
    ['Employment', employmentCell(r)],
    ['Mean score', meanCell(r)],
    ['Median score', typeof med === 'number' ? fmtNumber(med, 1) : meanCell(r)]
  ].concat(DIMENSIONS.map(function (d) {
    return [DIMENSION_LABELS[d] + ' short of target', shareCell(r, d)];
  }));
  if (!f.clusters) {
    return '<div class="popup region-popup"><div class="popup-layer">Area</div><div class="popup-title">' +
      esc(f.name || '#' + r.fid) + '</div><p>No cluster lies in this area: it has no scores or figures ' +
      '(unknown, not zero).</p></div>';
  }
  var tops = (r.full.topPriorities || []).map(function (t) {
    return '<li>' + esc(t.name) + ' <span class="muted">#' + t.rank + '</span></li>';
  }).join('');
  return '<div class="popup region-popup"><div class="popup-layer">Area</div><div class="popup-title">' +
    esc(f.name || '#' + r.fid) + '</div><table>' + rows.map(function (row) {
    return '<tr><th scope="row">' + esc(row[0]) + '</th><td>' + row[1] + '</td></tr>';
  }).join('') + '</table>' + (tops ? '<div class="popup-sub">Top priorities</div><ol>' + tops + '</ol>' : '') +
    '</div>';
}
