// The cost-effectiveness curve as an SVG drawing: cumulative gain against cumulative cost, every candidate with a
// gain in the greedy's order, a step for each; a vertical line at the budget and the gain the curve reaches there.
import { esc } from './quality.js';

var W = 280;
var H = 150;
var PAD = { left: 44, right: 8, top: 8, bottom: 28 };

/** The gain the curve reaches within a budget: that of its last step that fits. */
export function gainWithin(curve, budget) {
  var gain = 0;
  curve.forEach(function (s) {
    if (s.cumulative_cost <= budget) {
      gain = s.cumulative_gain;
    }
  });
  return gain;
}

function short(v) {
  return v >= 1e6 ? (v / 1e6).toFixed(1) + 'M' : v >= 1e3 ? Math.round(v / 1e3) + 'k' : String(Math.round(v));
}

/** The chart's SVG markup for a curve, with the budget's line when it falls within the curve's costs. */
export function curveSvg(curve, budget, currency) {
  if (!curve.length) {
    return '<p class="hint">No candidate closes any gap: there is no curve to draw.</p>';
  }
  var maxCost = Math.max(curve[curve.length - 1].cumulative_cost, budget, 1);
  var maxGain = Math.max(curve[curve.length - 1].cumulative_gain, 1e-9);
  var x = function (c) {
    return PAD.left + (W - PAD.left - PAD.right) * c / maxCost;
  };
  var y = function (g) {
    return H - PAD.bottom - (H - PAD.top - PAD.bottom) * g / maxGain;
  };
  var points = [[x(0), y(0)]];
  var gain = 0;
  curve.forEach(function (s) {
    points.push([x(s.cumulative_cost), y(gain)]);
    gain = s.cumulative_gain;
    points.push([x(s.cumulative_cost), y(gain)]);
  });
  var path = points.map(function (p) {
    return p[0].toFixed(1) + ',' + p[1].toFixed(1);
  }).join(' ');
  var bx = x(budget).toFixed(1);
  return '<svg id="portfolio-curve" class="portfolio-curve" viewBox="0 0 ' + W + ' ' + H + '" role="img" ' +
    'aria-label="Cost-effectiveness curve: gain against cost">' +
    '<line x1="' + PAD.left + '" y1="' + (H - PAD.bottom) + '" x2="' + (W - PAD.right) + '" y2="' + (H - PAD.bottom) +
    '" class="axis"/><line x1="' + PAD.left + '" y1="' + PAD.top + '" x2="' + PAD.left + '" y2="' + (H - PAD.bottom) +
    '" class="axis"/><polyline points="' + path + '" class="curve"/>' +
    '<line id="portfolio-budget-line" x1="' + bx + '" y1="' + PAD.top + '" x2="' + bx + '" y2="' + (H - PAD.bottom) +
    '" class="budget"/>' +
    '<text x="' + PAD.left + '" y="' + (H - 10) + '">0</text><text x="' + (W - PAD.right) + '" y="' + (H - 10) +
    '" text-anchor="end">' + esc(short(maxCost) + ' ' + currency) + '</text>' +
    '<text x="' + (PAD.left - 4) + '" y="' + (PAD.top + 8) + '" text-anchor="end">' + esc(short(maxGain)) + '</text>' +
    '<text x="' + (PAD.left - 4) + '" y="' + (H - PAD.bottom) + '" text-anchor="end">0</text></svg>';
}
