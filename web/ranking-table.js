// The ranking table: its columns, sorting, rank changes against the profile's weights and keyboard use.
import { NO_DATA_COLOR, TYPOLOGY_LABELS } from './config.js';
import { countryOf, fmtNumber } from './format.js';
import { esc, rankCell, unrankedNote } from './quality.js';
import { classOf } from './score-classes.js';
import { state } from './state.js';
import { $ } from './ui.js';

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

export function rankChange(p) {
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

export function renderTable() {
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
      '<td class="num rank">' + rankCell(p) + '</td>' +
      '<td class="num gap_rank">' + fmtNumber(p.gap_rank, 0) + '</td>' +
      '<td class="num change">' + change + '</td>' +
      '<td class="name">' + swatch + esc(p.name) + '<div class="id">' + esc(p.cluster_grid_id) + '</div>' +
      unrankedNote(p, true) + '</td>' +
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

/** Sorting by a heading's button; toggleRow(id) for a row clicked or chosen with Enter or Space. */
export function wireTable(toggleRow) {
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
