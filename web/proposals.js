// Proposals in the cluster panel: someone signed in who cannot edit proposes a correction and sees how their
// proposals for the cluster went; an editor sees the pending proposals and accepts or rejects each with a note.
import { decide, listProposals } from './proposal-api.js';
import { openProposalForm } from './proposal-form.js';
import { esc } from './quality.js';

var EDITORS = ['editor', 'admin'];
var session = null;

/** Called once the session is known: proposals need someone signed in (and a CSRF token for their writes). */
export function enableProposals(caller) {
  session = caller && caller.authenticated && caller.csrf ? caller : null;
}

function canEdit() {
  return session && EDITORS.indexOf(session.role) >= 0;
}

function describe(p) {
  var what = p.kind === 'create' ? 'a new cluster' : p.kind + ' of ' + p.clusterGridId;
  var changes = p.body && p.body.properties ? Object.keys(p.body.properties).map(function (k) {
    return k + ' → ' + JSON.stringify(p.body.properties[k]);
  }).join(', ') : '';
  return '<b>#' + esc(p.id) + '</b> ' + esc(what) + (changes ? ': ' + esc(changes) : '')
    + '<br><span class="muted">' + esc(p.proposer) + ', ' + esc(p.proposedAt.slice(0, 16).replace('T', ' '))
    + (p.comment ? ' — “' + esc(p.comment) + '”' : '') + '</span>';
}

function outcome(p) {
  return esc(p.status) + (p.decidedBy ? ' by ' + esc(p.decidedBy) : '') + (p.note ? ' — “' + esc(p.note) + '”' : '');
}

/** The editor's queue: each pending proposal with a note and Accept / Reject; onChange after a decision. */
async function renderQueue(box, onChange) {
  box.innerHTML = '<h3>Proposals</h3><p class="muted">Loading…</p>';
  var pending;
  try {
    pending = await listProposals('pending');
  } catch (err) {
    box.innerHTML = '<h3>Proposals</h3><p class="error-cell">' + esc(err.message) + '</p>';
    return;
  }
  box.innerHTML = '<h3>Proposals</h3>' + (pending.length ? '<ul class="proposal-list">' + pending.map(function (p) {
    return '<li data-id="' + esc(p.id) + '">' + describe(p) + '<br><input class="proposal-note" maxlength="1000"'
      + ' placeholder="Note to the proposer" aria-label="Note on proposal ' + esc(p.id) + '">'
      + ' <button type="button" data-decision="accept">Accept</button>'
      + ' <button type="button" class="secondary" data-decision="reject">Reject</button>'
      + '<span class="proposal-status" role="status"></span></li>';
  }).join('') + '</ul>' : '<p class="muted">No proposals waiting.</p>');
  box.querySelectorAll('button[data-decision]').forEach(function (b) {
    b.addEventListener('click', async function () {
      var li = b.closest('li');
      var status = li.querySelector('.proposal-status');
      status.textContent = ' …';
      try {
        var p = await decide(li.getAttribute('data-id'), b.getAttribute('data-decision'),
          li.querySelector('.proposal-note').value.trim(), session);
        status.textContent = ' ' + p.status;
        li.querySelectorAll('button, input').forEach(function (el) {
          el.disabled = true;
        });
        if (onChange && p.status === 'accepted') {
          onChange(p);
        }
      } catch (err) {
        status.textContent = ' ' + err.message;
      }
    });
  });
}

/** The caller's own proposals for cluster id, with how each went. */
async function renderMine(list, id) {
  try {
    var mine = (await listProposals()).filter(function (p) {
      return p.clusterGridId === id;
    });
    list.innerHTML = mine.map(function (p) {
      return '<li>' + describe(p) + '<br>' + outcome(p) + '</li>';
    }).join('');
  } catch (err) {
    list.innerHTML = '<li class="error-cell">' + esc(err.message) + '</li>';
  }
}

/** Adds the proposals section for cluster id to the panel body; nothing for someone not signed in. */
export function renderProposals(body, id, onChange) {
  if (!session) {
    return;
  }
  var box = document.createElement('section');
  box.className = 'proposals';
  body.appendChild(box);
  if (canEdit()) {
    renderQueue(box, onChange);
    return;
  }
  box.innerHTML = '<h3>Corrections</h3><button type="button" class="secondary">Propose a correction</button>'
    + '<div class="proposal-form-box"></div><ul class="proposal-list"></ul>';
  var list = box.querySelector('ul');
  box.querySelector('button').addEventListener('click', function () {
    openProposalForm(box.querySelector('.proposal-form-box'), id, session, function () {
      renderMine(list, id);
    });
  });
  renderMine(list, id);
}
