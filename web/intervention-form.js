// The editor's form for a row of a cluster's Intervention grid: a new need (POST) or a row as read (a merge patch of
// the fields changed, with its ETag). Drawn from descriptors as the cluster's form is (cluster-fields.js): a 400
// shows next to the field it names, a 412 (someone changed the row since) asks to reload the grid.
import { changedProperties, fieldNamed, fieldsHtml, formValue } from './cluster-fields.js';
import { createIntervention, patchIntervention } from './intervention-api.js';
import { esc } from './quality.js';
import { linkButton } from './ui.js';

function options(values) {
  return values.map(function (v) {
    return { value: v[0], label: v[1] };
  });
}

export var CATEGORIES = options([['trade_ipr', 'Trade, IPR'], ['entrepreneurship', 'Entrepreneurship'],
  ['agencies_bds', 'Agencies, business development services'], ['skills_labour', 'Skills, labour'],
  ['technology', 'Technology'], ['finance', 'Finance'], ['infrastructure', 'Infrastructure']]);
export var STATUSES = options([['identified', 'identified'], ['planned', 'planned'], ['under_way', 'under way'],
  ['done', 'done']]);

export var INTERVENTION_FIELDS = [
  { name: 'category', label: 'Category', kind: 'enum', values: CATEGORIES, required: true },
  { name: 'title', label: 'What is needed or done', kind: 'text', required: true },
  { name: 'status', label: 'Status', kind: 'enum', values: STATUSES },
  { name: 'agency', label: 'Agency', kind: 'text', help: 'who is responsible' },
  { name: 'budget', label: 'Budget', kind: 'decimal' },
  { name: 'currency', label: 'Currency', kind: 'text', max: 3, help: 'ISO 4217, e.g. NPR, INR, USD' },
  { name: 'start_date', label: 'Start', kind: 'date' },
  { name: 'end_date', label: 'End', kind: 'date' },
  { name: 'notes', label: 'Notes', kind: 'text', max: 4000 }
];

var PREFIX = 'iv';

function formHtml(title) {
  return '<form class="edit-form intervention-form" novalidate aria-label="' + esc(title) + '"><h4>' + esc(title)
    + '</h4><div class="edit-fields"></div>'
    + '<div class="edit-field"><label for="' + PREFIX + '-comment">Comment for the history</label>'
    + '<input id="' + PREFIX + '-comment" name="comment" maxlength="1000"></div>'
    + '<p class="edit-status hint" role="status"></p><div class="button-row">'
    + '<button type="submit">Save</button> <button type="button" class="secondary" data-action="cancel">Cancel'
    + '</button></div></form>';
}

/** Shows a refusal next to the field it names, or in the status line. */
function showRefusal(form, err, status) {
  var slot = err.field && fieldNamed(err.field, INTERVENTION_FIELDS)
    && form.querySelector('[data-error-for="' + err.field + '"]');
  status.textContent = slot ? 'Not saved: see ' + err.field + '.' : err.message;
  if (slot) {
    slot.textContent = err.message;
    form.elements[err.field].setAttribute('aria-invalid', 'true');
    form.elements[err.field].focus();
  }
}

/**
 * Opens the form in box. opts: {clusterId, row (as readGrid gives it; null for a new need), session,
 * onSaved(result), onCancel(), onStale()}.
 */
export function openInterventionForm(box, opts) {
  var before = opts.row || { status: 'identified' };
  box.innerHTML = formHtml(opts.row ? 'Edit ' + opts.row.id : 'New need');
  var form = box.querySelector('form');
  var status = form.querySelector('.edit-status');
  form.querySelector('.edit-fields').innerHTML = fieldsHtml(before, PREFIX, INTERVENTION_FIELDS);
  form.scrollIntoView({ block: 'nearest' });
  form.querySelector('[data-action=cancel]').addEventListener('click', function () {
    box.textContent = '';
    if (opts.onCancel) {
      opts.onCancel();
    }
  });
  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    form.querySelectorAll('.field-error').forEach(function (e) {
      e.textContent = '';
    });
    var comment = form.elements.comment.value.trim() || null;
    var request;
    if (opts.row) {
      var changed = changedProperties(form, before, INTERVENTION_FIELDS);
      if (!Object.keys(changed).length) {
        status.textContent = 'Nothing changed yet.';
        return;
      }
      request = patchIntervention(opts.row.id, changed, opts.row.etag, comment, opts.session);
    } else {
      var props = { cluster_grid_id: opts.clusterId };
      INTERVENTION_FIELDS.forEach(function (f) {
        var v = formValue(form, f);
        if (v !== null) {
          props[f.name] = v;
        }
      });
      request = createIntervention(props, comment, opts.session);
    }
    status.textContent = 'Saving…';
    try {
      opts.onSaved(await request);
    } catch (err) {
      if (err.status === 412) {
        status.textContent = 'Not saved: someone else changed this row meanwhile. ';
        status.appendChild(linkButton('Reload the grid', opts.onStale));
      } else {
        showRefusal(form, err, status);
      }
    }
  });
}
