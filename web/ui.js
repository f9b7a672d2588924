// Page helpers: element lookup, debouncing, link-like buttons, dismissable error messages and the loading pill.
import { CONFIG } from './config.js';
import { esc } from './quality.js';

export function $(id) {
  return document.getElementById(id);
}

export function debounce(fn, ms) {
  var timer = null;
  return function () {
    var args = arguments;
    clearTimeout(timer);
    timer = setTimeout(function () {
      fn.apply(null, args);
    }, ms);
  };
}

/** A button that looks like a link: text, and what a click does. */
export function linkButton(text, onClick) {
  var b = document.createElement('button');
  b.type = 'button';
  b.className = 'link-button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** Shows an error the planner can read and dismiss; the same text is not stacked twice. */
export function showMessage(text) {
  var box = $('messages');
  var existing = Array.prototype.some.call(box.children, function (c) {
    return c.dataset.text === text;
  });
  if (existing) {
    return;
  }
  var div = document.createElement('div');
  div.className = 'message message-error';
  div.dataset.text = text;
  div.innerHTML = '<span>' + esc(text) + '</span>';
  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'icon';
  close.setAttribute('aria-label', 'Dismiss this message');
  close.textContent = '×';
  close.addEventListener('click', function () {
    div.remove();
  });
  div.appendChild(close);
  box.appendChild(div);
}

// The loading pill appears only when something takes longer than CONFIG.slowRequestMs, so fast answers don't flicker.
var pendingTasks = {};
var taskSeq = 0;
export function startTask(text) {
  var id = ++taskSeq;
  pendingTasks[id] = text;
  setTimeout(refreshLoading, CONFIG.slowRequestMs);
  return function done() {
    delete pendingTasks[id];
    refreshLoading();
  };
}
function refreshLoading() {
  var ids = Object.keys(pendingTasks);
  $('loading').hidden = ids.length === 0;
  if (ids.length > 0) {
    $('loading-text').textContent = pendingTasks[ids[ids.length - 1]];
  }
}

/** Forgets every pending task and hides the loading pill, as when the page could not start. */
export function clearTasks() {
  pendingTasks = {};
  refreshLoading();
}
