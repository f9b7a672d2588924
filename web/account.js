// Who is signed in, in the page header, with a link to sign in or a button to sign out.
import { enableClusterEditing } from './cluster-editing.js';
import { API } from './config.js';
import { wireImportForm } from './import-form.js';
import { passwordButton } from './password-dialog.js';
import { enableProposals } from './proposals.js';
import { enableScenarioEditing } from './scenario-list.js';
import { $, linkButton } from './ui.js';

/** The session as /api/session tells it; null when the server cannot say. */
async function currentSession() {
  try {
    var res = await fetch(API + 'session', { headers: { Accept: 'application/json' } });
    return res.ok ? await res.json() : null;
  } catch (e) {
    return null;
  }
}

function signInLink() {
  var a = document.createElement('a');
  a.href = 'login.html?next=' + encodeURIComponent(location.pathname + location.search + location.hash);
  a.textContent = 'Sign in';
  return a;
}

/** Signs out with the session's CSRF token, then reloads (anonymous read) or goes to the sign-in page. */
async function signOut(session) {
  var headers = { Accept: 'application/json' };
  headers[session.csrf.header] = session.csrf.token;
  await fetch('logout', { method: 'POST', headers: headers });
  if (session.anonymousRead) {
    location.reload();
  } else {
    location.href = 'login.html?signedout';
  }
}

export async function renderAccount() {
  var box = $('account');
  var session = await currentSession();
  box.textContent = '';
  if (!session) {
    return;
  }
  if (!session.authenticated) {
    box.appendChild(signInLink());
    return;
  }
  wireImportForm(session);
  enableScenarioEditing(session);
  enableProposals(session);
  enableClusterEditing(session);
  var who = document.createElement('span');
  who.textContent = 'Signed in as ' + session.user + ' (' + session.role + ')';
  box.appendChild(who);
  if (session.csrf) {
    box.appendChild(linkButton('Sign out', function () {
      signOut(session);
    }));
    if (session.via === 'session') {
      box.appendChild(passwordButton(session));
    }
  }
}
