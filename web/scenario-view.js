// The scenario panel on the right, in place of the ranking: it shows an evaluation or a comparison, and goes back.
import { deselect } from './cluster-panel.js';
import { hideChangeView } from './scenario-change-view.js';
import { state } from './state.js';
import { $ } from './ui.js';

var seq = 0;
var shownId = null; // the scenario whose evaluation is shown, or null (a comparison, or nothing)

/**
 * Opens the panel titled title for what it will show (a scenario's id, or null), and returns a token: the
 * panel is still the caller's while isCurrent(token).
 */
export function openScenarioView(title, scenarioId) {
  if (state.selected) {
    deselect(false); // the cluster's panel would cover this one
  }
  shownId = scenarioId || null;
  hideChangeView(); // it belongs to the evaluation shown before, if any
  $('scenario-view-title').textContent = title;
  $('scenario-view-body').innerHTML = '<p class="muted">Evaluating… (the clusters are scored anew: a few' +
    ' seconds)</p>';
  $('scenario-view').hidden = false;
  $('scenario-view').setAttribute('aria-busy', 'true');
  $('side').classList.add('showing-scenario');
  $('scenario-view-title').focus();
  return ++seq;
}

export function isCurrent(token) {
  return token === seq && !$('scenario-view').hidden;
}

/** Fills the panel the token opened, unless another was opened since. */
export function fillScenarioView(token, html) {
  if (!isCurrent(token)) {
    return false;
  }
  $('scenario-view-body').innerHTML = html;
  $('scenario-view').removeAttribute('aria-busy');
  return true;
}

export function closeScenarioView() {
  seq++;
  shownId = null;
  $('scenario-view').hidden = true;
  $('scenario-view').removeAttribute('aria-busy');
  $('side').classList.remove('showing-scenario');
  hideChangeView();
}

/** The scenario whose evaluation the panel shows, or null. */
export function shownScenarioId() {
  return $('scenario-view').hidden ? null : shownId;
}

export function wireScenarioView() {
  $('scenario-view-close').addEventListener('click', closeScenarioView);
}
