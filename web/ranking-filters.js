// The ranking's filters by typology, sector, country and score band.
import { TYPOLOGY_LABELS } from './config.js';
import { countryOf } from './format.js';
import { esc } from './quality.js';
import { renderTable } from './ranking-table.js';
import { state } from './state.js';
import { $ } from './ui.js';
import { saveUrlState } from './url-state.js';

export function fillFilterOptions() {
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

export function fillBandOptions() {
  var select = $('filter-band');
  var html = '<option value="">all</option>';
  for (var i = state.classes.length - 1; i >= 0; i--) {
    html += '<option value="' + i + '">' + esc(state.classes[i].label) + (i === 4 ? ' (most need)' : i === 0 ?
      ' (least need)' : '') + '</option>';
  }
  select.innerHTML = html;
  select.value = state.filters.band;
}

export function wireFilters() {
  ['typology', 'sector', 'country', 'band'].forEach(function (k) {
    $('filter-' + k).addEventListener('change', function (ev) {
      state.filters[k] = ev.target.value;
      renderTable();
      saveUrlState();
    });
  });
}
