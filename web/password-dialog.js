// "Change password" for a signed-in user: a dialog asking for the current password and the new one twice.
import { API } from './config.js';

function field(form, label, name, autocomplete) {
  var l = document.createElement('label');
  l.textContent = label;
  var input = document.createElement('input');
  input.type = 'password';
  input.name = name;
  input.required = true;
  input.autocomplete = autocomplete;
  l.appendChild(input);
  form.appendChild(l);
  return input;
}

function buildDialog() {
  var dialog = document.createElement('dialog');
  dialog.id = 'password-dialog';
  dialog.className = 'login password-dialog';
  var title = document.createElement('h2');
  title.textContent = 'Change password';
  var form = document.createElement('form');
  form.method = 'dialog';
  var current = field(form, 'Current password', 'current', 'current-password');
  var next = field(form, 'New password', 'password', 'new-password');
  var again = field(form, 'New password again', 'again', 'new-password');
  var message = document.createElement('p');
  message.className = 'login-message';
  message.hidden = true;
  var buttons = document.createElement('div');
  var save = document.createElement('button');
  save.type = 'submit';
  save.textContent = 'Change';
  var cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.addEventListener('click', function () { dialog.close(); });
  buttons.append(save, ' ', cancel);
  form.append(message, buttons);
  dialog.append(title, form);
  return { dialog: dialog, form: form, current: current, next: next, again: again, message: message };
}

function say(d, text, isError) {
  d.message.textContent = text;
  d.message.classList.toggle('login-error', isError);
  d.message.hidden = false;
}

async function submit(d, session) {
  if (d.next.value !== d.again.value) {
    say(d, 'The two new passwords differ.', true);
    return;
  }
  var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  headers[session.csrf.header] = session.csrf.token;
  var res = await fetch(API + 'session/password', {
    method: 'POST',
    headers: headers,
    body: JSON.stringify({ current: d.current.value, password: d.next.value }),
  });
  if (res.status === 204) {
    d.form.reset();
    say(d, 'Password changed. Your other sessions are signed out.', false);
    return;
  }
  var body = await res.json().catch(function () { return {}; });
  say(d, body.message || ('The password was not changed (' + res.status + ').'), true);
}

/** A link-styled button that opens the dialog; the dialog is added to the page once. */
export function passwordButton(session) {
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button';
  button.textContent = 'Change password';
  var d = null;
  button.addEventListener('click', function () {
    if (!d) {
      d = buildDialog();
      d.form.addEventListener('submit', function (e) {
        e.preventDefault();
        submit(d, session);
      });
      document.body.appendChild(d.dialog);
    }
    d.message.hidden = true;
    d.dialog.showModal();
  });
  return button;
}
