// The weight sliders of the four dimensions and the weights query the server scores with.
import { CONFIG, DIMENSIONS, DIMENSION_LABELS } from './config.js';
import { state } from './state.js';
import { $, debounce } from './ui.js';

export function weightsQuery() {
  return DIMENSIONS.map(function (d) {
    return d + '=' + encodeURIComponent(String(state.weights[d] / 100));
  }).join('&');
}

/** The sliders, with rescore() called as they move (debounced) and on a reset to the profile's weights. */
export function renderWeights(rescore) {
  $('weights').innerHTML = DIMENSIONS.map(function (d) {
    return '<div class="weight"><label for="weight-' + d + '">' + DIMENSION_LABELS[d] + '</label>' +
      '<input type="range" id="weight-' + d + '" data-dim="' + d + '" min="0" max="100" step="5" value="' +
      state.weights[d] + '"><output id="weight-' + d + '-share" for="weight-' + d + '"></output></div>';
  }).join('');
  updateShares();
  var rescoreSoon = debounce(rescore, CONFIG.rescoreDelayMs);
  $('weights').addEventListener('input', function (ev) {
    var d = ev.target.dataset.dim;
    if (!d) {
      return;
    }
    state.weights[d] = Number(ev.target.value);
    updateShares();
    rescoreSoon();
  });
  $('weights-reset').addEventListener('click', function () {
    setWeights(profileWeights());
    rescore();
  });
}

export function profileWeights() {
  var w = {};
  DIMENSIONS.forEach(function (d) {
    w[d] = Math.round(((state.profile && state.profile.weights[d]) || 0.25) * 100);
  });
  return w;
}

export function setWeights(w) {
  DIMENSIONS.forEach(function (d) {
    state.weights[d] = w[d];
    var input = $('weight-' + d);
    if (input) {
      input.value = w[d];
    }
  });
  updateShares();
}

/** The sum of the slider values; the scores need it above 0. */
export function weightTotal() {
  return DIMENSIONS.reduce(function (s, d) {
    return s + state.weights[d];
  }, 0);
}

/** Each slider's share of the total, as the server normalises the weights to sum to 1. */
function updateShares() {
  var total = weightTotal();
  DIMENSIONS.forEach(function (d) {
    var out = $('weight-' + d + '-share');
    if (out) {
      out.textContent = total > 0 ? Math.round(state.weights[d] / total * 100) + ' %' : '—';
    }
  });
}
