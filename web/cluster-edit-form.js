// The editor's form for a cluster's Identification grid and footprint: a new cluster (POST) or an existing one, saved
// as a JSON Merge Patch of the fields changed with the ETag it was read with. Someone else's change in between (412)
// keeps the editor's input and offers to reload: the current state, with their changes kept on top. A refusal names
// a field (400): its message shows next to it.
import { createCluster, patchCluster, readCluster } from './cluster-edit-api.js';
import {
  changedProperties, CLUSTER_FIELDS, fieldNamed, fieldsHtml, formValue, setFormValue, wireProperties
} from './cluster-fields.js';
import { editFootprint, stopFootprint } from './cluster-footprint-edit.js';
import { esc } from './quality.js';

var PREFIX = 'edit';

function formHtml(title) {
  return '<form class="edit-form" novalidate aria-label="' + esc(title) + '"><h3>' + esc(title) + '</h3>'
    + '<div class="edit-fields"></div><div class="footprint-box"></div>'
    + '<div class="edit-field"><label for="' + PREFIX + '-comment">Comment for the history</label>'
    + '<textarea id="' + PREFIX + '-comment" name="comment" maxlength="1000" rows="2"'
    + ' placeholder="why: your source, the survey…"></textarea></div>'
    + '<div class="edit-conflict message message-error" role="alert" hidden><span>Someone else changed this cluster'
    + ' after you opened it, so your changes were not saved. They are still in the form.</span>'
    + ' <button type="button" data-action="reload">Reload the cluster, keeping my changes</button></div>'
    + '<p class="edit-status hint" role="status"></p><div class="button-row">'
    + '<button type="submit">Save</button> <button type="button" class="secondary" data-action="cancel">Cancel'
    + '</button></div></form>';
}

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(function (e) {
    e.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach(function (e) {
    e.removeAttribute('aria-invalid');
  });
}

/** Shows a refusal next to the field it names, or in the status line when it names none the form has. */
function showRefusal(form, err, status) {
  var name = err.field && (fieldNamed(err.field) || err.field === 'geometry') ? err.field : null;
  var slot = name && form.querySelector('[data-error-for="' + name + '"]');
  if (!slot) {
    status.textContent = err.message;
    return;
  }
  slot.textContent = err.message;
  status.textContent = 'Not saved: see ' + name + '.';
  var input = form.querySelector('[name="' + name + '"]');
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

/** A new cluster's feature: the fields filled in and the footprint. */
function newFeature(form, geometry) {
  var props = {};
  CLUSTER_FIELDS.forEach(function (f) {
    var v = formValue(form, f);
    if (v !== null) {
      props[f.name] = v;
    }
  });
  return { type: 'Feature', geometry: geometry, properties: wireProperties(props) };
}

/**
 * Opens the form in box. opts: {id (null for a new cluster), session, onSaved(id, result), onCancel()}. A new
 * cluster waits for its point on the map at once.
 */
export async function openEditForm(box, opts) {
  var base = { feature: { properties: {}, geometry: null }, etag: null };
  if (opts.id) {
    box.innerHTML = '<p class="muted">Loading the cluster…</p>';
    try {
      base = await readCluster(opts.id);
    } catch (err) {
      box.innerHTML = '<p class="error-cell">' + esc(err.message) + '</p>';
      return;
    }
  }
  box.innerHTML = formHtml(opts.id ? 'Edit ' + opts.id : 'New cluster');
  var form = box.querySelector('form');
  form.scrollIntoView({ block: 'nearest' });
  var status = form.querySelector('.edit-status');
  var conflict = form.querySelector('.edit-conflict');
  form.querySelector('.edit-fields').innerHTML = fieldsHtml(base.feature.properties || {}, PREFIX);
  var footprint = null;
  var startFootprint = function (current) {
    footprint = editFootprint(form.querySelector('.footprint-box'), base.feature.geometry, function () {
      clearErrors(form);
    }, current);
  };
  startFootprint();
  if (!opts.id) {
    footprint.place();
  }

  form.querySelector('[data-action=cancel]').addEventListener('click', function () {
    stopFootprint();
    box.textContent = '';
    if (opts.onCancel) {
      opts.onCancel();
    }
  });
  form.querySelector('[data-action=reload]').addEventListener('click', async function () {
    var mine = changedProperties(form, base.feature.properties || {});
    var myGeometry = footprint.changed() ? footprint.geometry() : undefined;
    try {
      base = await readCluster(opts.id);
    } catch (err) {
      status.textContent = err.message;
      return;
    }
    var props = base.feature.properties || {};
    CLUSTER_FIELDS.forEach(function (f) {
      setFormValue(form, f, f.name in mine ? mine[f.name] : props[f.name]);
    });
    startFootprint(myGeometry);
    conflict.hidden = true;
    var kept = Object.keys(mine).concat(myGeometry ? ['footprint'] : []);
    status.textContent = 'Reloaded the cluster as it is now' + (kept.length ? '; your changes (' + kept.join(', ')
      + ') are kept on top. Check them and save again.' : '.');
  });
  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    clearErrors(form);
    var comment = form.elements.comment.value.trim() || null;
    var request;
    if (!opts.id) {
      if (!footprint.geometry()) {
        showRefusal(form, { field: 'geometry', message: 'Place the point or draw a polygon on the map first.' },
          status);
        return;
      }
      request = createCluster(newFeature(form, footprint.geometry()), comment, opts.session);
    } else {
      var patch = { properties: wireProperties(changedProperties(form, base.feature.properties || {})) };
      if (footprint.changed()) {
        patch.geometry = footprint.geometry();
      }
      if (!Object.keys(patch.properties).length && !patch.geometry) {
        status.textContent = 'Nothing changed yet.';
        return;
      }
      request = patchCluster(opts.id, patch, base.etag, comment, opts.session);
    }
    status.textContent = 'Saving…';
    form.querySelector('button[type=submit]').disabled = true;
    try {
      var result = await request;
      stopFootprint();
      opts.onSaved(opts.id || result.feature.properties.cluster_grid_id, result);
    } catch (err) {
      if (err.status === 412) {
        conflict.hidden = false;
        conflict.scrollIntoView({ block: 'nearest' });
        status.textContent = 'Not saved: the cluster changed meanwhile.';
      } else {
        showRefusal(form, err, status);
      }
    } finally {
      form.querySelector('button[type=submit]').disabled = false;
    }
  });
}
