// The cluster panel's Intervention grid: what support the cluster needs and what is done about it, the rows the
// scoring run's gaps make ("from the gaps") with those entered by hand. Editors add a need and edit a row — its
// status first of all — in a small form; everyone who may read the map sees the list.
import { editorSession } from './cluster-editing.js';
import { CATEGORIES, openInterventionForm, STATUSES } from './intervention-form.js';
import { readGrid } from './intervention-api.js';
import { fmtNumber } from './format.js';
import { esc } from './quality.js';

function label(list, value) {
  var o = list.filter(function (x) {
    return x.value === value;
  })[0];
  return o ? o.label : value || '—';
}

function when(r) {
  return r.start_date || r.end_date ? esc((r.start_date || '…') + ' – ' + (r.end_date || '…')) : '';
}

function rowHtml(r, canEdit) {
  var gap = r.origin === 'computed_gap';
  return '<tr data-intervention="' + esc(r.id) + '" class="status-' + esc(r.status) + '"><td>'
    + esc(label(CATEGORIES, r.category)) + '</td><td>' + esc(r.title)
    + (gap ? ' <span class="muted">(from the gaps' + (r.gap_state === 'closed' ? '; closed in this run' : '')
      + ')</span>' : '')
    + (r.agency ? '<br><span class="muted">' + esc(r.agency) + '</span>' : '')
    + (r.budget !== null && r.budget !== undefined ? '<br><span class="muted">' + esc(fmtNumber(r.budget, 0)) + ' '
      + esc(r.currency || '') + '</span>' : '')
    + (when(r) ? '<br><span class="muted">' + when(r) + '</span>' : '') + '</td><td><span class="iv-status">'
    + esc(label(STATUSES, r.status)) + '</span>'
    + (canEdit ? '<br><button type="button" class="link-button" data-edit="' + esc(r.id) + '">Edit</button>' : '')
    + '</td></tr>';
}

/** Adds the grid of cluster id to the panel body, and reads it; again after each change. */
export function renderInterventionGrid(body, id) {
  var box = document.createElement('section');
  box.className = 'intervention-grid';
  box.setAttribute('aria-label', 'Intervention grid');
  body.appendChild(box);
  load(box, id);
}

async function load(box, id) {
  var session = editorSession();
  box.innerHTML = '<h3>Intervention grid</h3><p class="muted">Loading…</p>';
  var grid;
  try {
    grid = await readGrid(id);
  } catch (err) {
    box.innerHTML = '<h3>Intervention grid</h3><p class="error-cell">' + esc(err.message) + '</p>';
    return;
  }
  var rows = grid.rows;
  box.innerHTML = '<h3>Intervention grid</h3>' + (rows.length ? '<table class="data intervention-table"><thead><tr>'
    + '<th>Category</th><th>Need or support</th><th>Status</th></tr></thead><tbody>'
    + rows.map(function (r) {
      return rowHtml(r, !!session);
    }).join('') + '</tbody></table>' : '<p class="muted">No need recorded, and no gap in this run.</p>')
    + (session ? '<div class="button-row"><button type="button" class="secondary" id="intervention-add">Add a need'
      + '</button></div><div class="intervention-edit"></div>' : '');
  if (!session) {
    return;
  }
  var editBox = box.querySelector('.intervention-edit');
  var open = function (row) {
    openInterventionForm(editBox, {
      clusterId: id, row: row, session: session,
      onSaved: function () {
        load(box, id);
      },
      onStale: function () {
        load(box, id);
      }
    });
  };
  box.querySelector('#intervention-add').addEventListener('click', function () {
    open(null);
  });
  box.querySelectorAll('[data-edit]').forEach(function (b) {
    b.addEventListener('click', function () {
      open(rows.filter(function (r) {
        return r.id === b.getAttribute('data-edit');
      })[0]);
    });
  });
}
