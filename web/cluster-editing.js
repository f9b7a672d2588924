// Editing the cluster register from the map, for editors and admins: "Add cluster" above the ranking, and in the
// cluster panel Edit, Retire and the history with Restore; anyone else signed in sees the history only. After a
// change the register entry, the map, the ranking and the panel are read again (the scores follow the data version).
import { readCluster, retireCluster } from './cluster-edit-api.js';
import { openEditForm } from './cluster-edit-form.js';
import { stopFootprint } from './cluster-footprint-edit.js';
import { renderHistory } from './cluster-history.js';
import { deselect, select } from './cluster-panel.js';
import { esc } from './quality.js';
import { fillFilterOptions } from './ranking-filters.js';
import { rescore } from './scoring.js';
import { fillSearch } from './search.js';
import { state } from './state.js';
import { $, linkButton } from './ui.js';

var EDITORS = ['editor', 'admin'];
var session = null;
var notice = null; // {id, text}: said once in the panel the change reloads

function canEdit() {
  return !!session && EDITORS.indexOf(session.role) >= 0;
}

/** The session when it may edit the register (an editor or admin with a CSRF token), else null. */
export function editorSession() {
  return canEdit() && session.csrf ? session : null;
}

/** Called once the session is known: the history needs someone signed in, the rest an editor (and a CSRF token). */
export function enableClusterEditing(caller) {
  session = caller && caller.authenticated ? caller : null;
  if (!canEdit() || !session.csrf || $('cluster-add')) {
    return;
  }
  var head = document.querySelector('.ranking-head');
  var add = document.createElement('button');
  add.id = 'cluster-add';
  add.type = 'button';
  add.textContent = 'Add cluster';
  add.addEventListener('click', openNewCluster);
  var said = document.createElement('p');
  said.id = 'register-notice';
  said.className = 'hint register-notice';
  said.setAttribute('role', 'status');
  head.appendChild(add);
  head.after(said);
}

/** Reads the cluster's register entry, the scores and the panel again after a change; gone: it was retired. */
async function afterChange(id, result, gone) {
  if (gone) {
    delete state.register[id];
    deselect(false);
  } else {
    state.register[id] = result && result.feature ? result.feature.properties : (await readCluster(id)).feature
      .properties;
  }
  await rescore(); // the map, the legend, the ranking and, when one is selected, the panel
  fillFilterOptions();
  fillSearch();
  if (!gone && state.selected !== id) {
    await select(id, { zoom: true });
  }
}

function say(id, text) {
  notice = { id: id, text: text };
  $('register-notice').textContent = text;
}

/** The panel in place of the ranking without a cluster selected: a new cluster, or a retired one's history. */
function openBarePanel(title) {
  if (state.selected) {
    deselect(false);
  }
  stopFootprint();
  $('detail').hidden = false;
  $('side').classList.add('showing-detail');
  $('detail-title').textContent = title;
  $('detail-body').innerHTML = '<section class="register-tools"><div class="edit-box"></div></section>';
  return $('detail-body').querySelector('.edit-box');
}

function openNewCluster() {
  openEditForm(openBarePanel('New cluster'), {
    id: null, session: session,
    onSaved: function (id, result) {
      say(id, 'Added ' + id + ' (version ' + result.version + ').');
      afterChange(id, result, false);
    },
    onCancel: function () {
      deselect(false);
    }
  });
}

/** A retired cluster's history, where a version can be restored to bring it back. */
function openRetired(id) {
  var box = openBarePanel(id + ' (retired)');
  box.innerHTML = '<h3>History</h3><div class="history-box"></div>';
  renderHistory(box.querySelector('.history-box'), id, historyOptions());
}

function historyOptions() {
  return {
    canRestore: canEdit(), session: session,
    onRestored: function (id, result) {
      say(id, 'Restored ' + id + ' as version ' + result.version + '.');
      afterChange(id, result, false);
    }
  };
}

function retireDialog() {
  var d = $('retire-dialog');
  if (!d) {
    d = document.createElement('dialog');
    d.id = 'retire-dialog';
    d.className = 'login retire-dialog';
    d.setAttribute('aria-labelledby', 'retire-title');
    d.innerHTML = '<h2 id="retire-title">Retire cluster</h2><form method="dialog"><p class="retire-what"></p>'
      + '<label for="retire-comment">Comment for the history</label><textarea id="retire-comment" name="comment"'
      + ' maxlength="1000" rows="2" placeholder="why: closed, merged, duplicate…"></textarea>'
      + '<p class="login-message login-error" role="alert" hidden></p><div class="button-row">'
      + '<button type="submit" class="secondary danger">Retire</button> <button type="button" class="secondary" '
      + 'data-cancel>Cancel</button></div></form>';
    d.querySelector('[data-cancel]').addEventListener('click', function () {
      d.close();
    });
    document.body.appendChild(d);
  }
  return d;
}

async function retire(id) {
  var current;
  try {
    current = await readCluster(id);
  } catch (err) {
    say(id, err.message);
    return;
  }
  var d = retireDialog();
  var form = d.querySelector('form');
  var message = d.querySelector('.login-message');
  form.reset();
  message.hidden = true;
  d.querySelector('.retire-what').textContent = 'Retire ' + id + ' “' + (current.feature.properties.name || '')
    + '”? It leaves the map and the scores; its history stays, and restoring a version brings it back.';
  form.onsubmit = async function (ev) {
    ev.preventDefault();
    try {
      var result = await retireCluster(id, current.etag, form.elements.comment.value.trim() || null, session);
      d.close();
      say(id, 'Retired ' + id + ' (version ' + result.version + ').');
      $('register-notice').append(' ', linkButton('Its history', function () {
        openRetired(id);
      }));
      afterChange(id, result, true);
    } catch (err) {
      message.textContent = err.status === 412 ? 'Someone else changed this cluster meanwhile: close, look at it '
        + 'again and retire it then if you still mean to.' : err.message;
      message.hidden = false;
    }
  };
  d.showModal();
}

/** Adds the register's part of the panel of cluster id: Edit and Retire for editors, the history when signed in. */
export function renderRegisterTools(body, id) {
  stopFootprint();
  if (!session) {
    return;
  }
  var box = document.createElement('section');
  box.className = 'register-tools';
  box.innerHTML = '<h3>Register</h3>' + (notice && notice.id === id ? '<p class="register-notice" role="status">'
    + esc(notice.text) + '</p>' : '') + (canEdit() && session.csrf ? '<div class="button-row">'
    + '<button type="button" id="cluster-edit">Edit cluster</button> <button type="button" class="secondary danger" '
    + 'id="cluster-retire">Retire…</button></div><div class="edit-box"></div>' : '')
    + '<details class="cluster-history"><summary>History</summary><div class="history-box"></div></details>';
  notice = null;
  var links = body.querySelector('.report-links'); // near the top, where the facts it edits are
  body.insertBefore(box, links ? links.nextSibling : null);
  var details = box.querySelector('details');
  details.addEventListener('toggle', function () {
    if (details.open) {
      renderHistory(box.querySelector('.history-box'), id, historyOptions());
    }
  });
  if (!box.querySelector('#cluster-edit')) {
    return;
  }
  box.querySelector('#cluster-edit').addEventListener('click', function () {
    openEditForm(box.querySelector('.edit-box'), {
      id: id, session: session,
      onSaved: function (saved, result) {
        say(id, 'Saved ' + id + ' as version ' + result.version + '.');
        afterChange(id, result, false);
      }
    });
  });
  box.querySelector('#cluster-retire').addEventListener('click', function () {
    retire(id);
  });
}
