// A cluster's history in its panel, for anyone signed in: its versions newest first (who, when, what, why, and the
// changes field by field, the footprint as a summary), any version's whole state, and for editors "Restore this
// version", which makes that state current again as a new version.
import { readHistory, readVersion, restoreVersion } from './cluster-edit-api.js';
import { CLUSTER_FIELDS } from './cluster-fields.js';
import { describeGeometry } from './cluster-footprint-edit.js';
import { fmtNumber } from './format.js';
import { esc } from './quality.js';

function when(at) {
  return String(at || '').slice(0, 16).replace('T', ' ');
}

/** A geometry summary of the history ({type, vertices, centroid, centroid_moved_m}) in words. */
function shape(g) {
  return g.type + ', ' + g.vertices + ' vertex' + (g.vertices === 1 ? '' : 'es') + ', centroid '
    + g.centroid.map(function (c) {
      return c.toFixed(5);
    }).join(', ');
}

function value(v) {
  if (v === null || v === undefined || v === '') {
    return '—';
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function changeHtml(c) {
  if (c.field === 'geometry') {
    var to = c.to ? shape(c.to) : '—';
    var moved = c.to && typeof c.to.centroid_moved_m === 'number' ? ' (moved ' + fmtNumber(c.to.centroid_moved_m, 0)
      + ' m)' : '';
    return '<li><b>footprint</b>: ' + esc(c.from ? shape(c.from) : '—') + ' → ' + esc(to) + esc(moved) + '</li>';
  }
  return '<li><b>' + esc(c.field) + '</b>: ' + esc(value(c.from)) + ' → ' + esc(value(c.to)) + '</li>';
}

function versionHtml(v, latest, canRestore) {
  var changes = v.changes || [];
  return '<li data-version="' + esc(v.version) + '"><div><b>Version ' + esc(v.version) + '</b> · '
    + '<span class="history-action">' + esc(v.action) + '</span>' + (v.retired ? ' (retired)' : '') + ' · '
    + esc(when(v.at)) + ' · ' + esc(v.actor || '—') + '</div>'
    + (v.comment ? '<div class="muted">“' + esc(v.comment) + '”</div>' : '')
    + (changes.length ? '<ul class="history-changes">' + changes.map(changeHtml).join('') + '</ul>'
      : '<div class="muted">no change of the fields</div>')
    + '<div class="button-row"><button type="button" class="secondary" data-show>Show this version</button>'
    + (canRestore && v.version !== latest ? '<button type="button" class="secondary" data-restore>Restore this '
      + 'version</button>' : '') + '</div><div class="history-more"></div></li>';
}

/** One version's whole state: its fields and footprint. */
function stateHtml(f) {
  var p = f.properties || {};
  return '<dl class="facts history-state">' + CLUSTER_FIELDS.map(function (field) {
    return '<dt>' + esc(field.label) + '</dt><dd>' + esc(value(p[field.name])) + '</dd>';
  }).join('') + '<dt>Footprint</dt><dd>' + esc(describeGeometry(f.geometry)) + '</dd></dl>';
}

function restoreForm(id, version) {
  return '<form class="history-restore"><label for="restore-comment-' + version + '">Comment on restoring version '
    + esc(version) + '</label><input id="restore-comment-' + version + '" name="comment" maxlength="1000"'
    + ' placeholder="restored version ' + esc(version) + '"><div class="button-row"><button type="submit">Restore '
    + 'version ' + esc(version) + ' of ' + esc(id) + '</button> <button type="button" class="secondary" '
    + 'data-cancel>Cancel</button></div><p class="hint" role="status"></p></form>';
}

function wireVersion(li, id, opts) {
  var version = Number(li.getAttribute('data-version'));
  var more = li.querySelector('.history-more');
  li.querySelector('[data-show]').addEventListener('click', async function () {
    more.innerHTML = '<p class="muted">Loading…</p>';
    try {
      more.innerHTML = stateHtml(await readVersion(id, version));
    } catch (err) {
      more.innerHTML = '<p class="error-cell">' + esc(err.message) + '</p>';
    }
  });
  var restore = li.querySelector('[data-restore]');
  if (!restore) {
    return;
  }
  restore.addEventListener('click', function () {
    more.innerHTML = restoreForm(id, version);
    var form = more.querySelector('form');
    form.elements.comment.focus();
    form.querySelector('[data-cancel]').addEventListener('click', function () {
      more.textContent = '';
    });
    form.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      var status = form.querySelector('[role=status]');
      status.textContent = 'Restoring…';
      try {
        var result = await restoreVersion(id, version, form.elements.comment.value.trim() || null, opts.session);
        status.textContent = 'Restored as version ' + result.version + '.';
        opts.onRestored(id, result);
      } catch (err) {
        status.textContent = err.message;
      }
    });
  });
}

/** Fills box with the history of cluster id; opts: {canRestore, session, onRestored(id, result)}. */
export async function renderHistory(box, id, opts) {
  box.innerHTML = '<p class="muted">Loading the history…</p>';
  var h;
  try {
    h = await readHistory(id);
  } catch (err) {
    box.innerHTML = '<p class="error-cell">' + esc(err.message) + '</p>';
    return;
  }
  var versions = (h.versions || []).slice().reverse();
  box.innerHTML = '<p class="hint">' + versions.length + ' version' + (versions.length === 1 ? '' : 's')
    + (h.retired ? '; retired' : '') + ', newest first.</p><ol class="history-list" reversed>'
    + versions.map(function (v) {
      return versionHtml(v, h.latest, opts.canRestore);
    }).join('') + '</ol>';
  box.querySelectorAll('li[data-version]').forEach(function (li) {
    wireVersion(li, id, opts);
  });
}
