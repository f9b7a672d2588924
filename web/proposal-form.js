// "Propose a correction": a small form for a cluster's main fields, sent as a proposal to update it (a JSON Merge
// Patch of the fields changed, against the ETag the form was filled from). An editor decides it.
import { clusterState, propose } from './proposal-api.js';
import { esc } from './quality.js';

var FIELDS = [
  { name: 'name', label: 'Name' },
  { name: 'sector', label: 'Sector' },
  { name: 'products', label: 'Products' },
  { name: 'firms', label: 'Firms', number: true },
  { name: 'employment', label: 'Employment', number: true },
  { name: 'markets_served', label: 'Markets served (local;regional;national;export)' }
];

/** The merge patch of the fields the form changed; null when none changed. */
function patchOf(form, before) {
  var changed = {};
  var any = false;
  FIELDS.forEach(function (f) {
    var raw = form.elements[f.name].value.trim();
    var value = raw === '' ? null : f.number && /^\d+$/.test(raw) ? Number(raw) : raw;
    var old = before[f.name] === undefined ? null : before[f.name];
    if (String(value) !== String(old)) {
      changed[f.name] = value;
      any = true;
    }
  });
  return any ? { properties: changed } : null;
}

/** Opens the form in box for cluster id; onDone(proposal) after it is sent. */
export async function openProposalForm(box, id, session, onDone) {
  box.innerHTML = '<p class="muted">Loading the cluster…</p>';
  var current;
  try {
    current = await clusterState(id);
  } catch (err) {
    box.innerHTML = '<p class="error-cell">' + esc(err.message) + '</p>';
    return;
  }
  var props = current.feature.properties || {};
  box.innerHTML = '<form class="proposal-form">' + FIELDS.map(function (f) {
    var v = props[f.name] === undefined || props[f.name] === null ? '' : props[f.name];
    return '<label>' + esc(f.label) + ' <input name="' + f.name + '" value="' + esc(v) + '"'
      + (f.number ? ' inputmode="numeric"' : '') + ' maxlength="1000"></label>';
  }).join('') + '<label>Why (your source) <textarea name="comment" maxlength="1000" rows="2"></textarea></label>'
    + '<p class="proposal-status" role="status"></p>'
    + '<button type="submit">Send proposal</button> <button type="button" class="secondary">Cancel</button></form>';
  var form = box.querySelector('form');
  var status = form.querySelector('.proposal-status');
  form.querySelector('button.secondary').addEventListener('click', function () {
    box.textContent = '';
  });
  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var patch = patchOf(form, props);
    if (!patch) {
      status.textContent = 'Nothing changed yet.';
      return;
    }
    status.textContent = 'Sending…';
    try {
      var made = await propose({
        kind: 'update', clusterGridId: id, body: patch, etag: current.etag,
        comment: form.elements.comment.value.trim() || null
      }, session);
      box.innerHTML = '<p>Proposal ' + esc(made.id) + ' sent; an editor will accept or reject it.</p>';
      if (onDone) {
        onDone(made);
      }
    } catch (err) {
      status.textContent = err.message;
    }
  });
}
