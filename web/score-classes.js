// The five colour classes of the chosen score and the class and colour of a cluster.
import { NO_DATA_COLOR, PALETTE, SCORES } from './config.js';
import { fmtNumber } from './format.js';
import { state } from './state.js';

/** Class breaks for the chosen score over the current clusters: [{min, max, color, label}], most need last. */
export function computeClasses(score) {
  var def = SCORES[score];
  var bounds;
  if (def.fixed) {
    bounds = [0, 20, 40, 60, 80, 100];
  } else {
    var values = state.features.map(function (f) {
      return f.properties[score];
    }).filter(function (v) {
      return typeof v === 'number';
    }).sort(function (a, b) {
      return a - b;
    });
    bounds = [0];
    for (var q = 1; q < 5; q++) {
      bounds.push(values.length ? values[Math.min(values.length - 1, Math.floor(values.length * q / 5))] : q);
    }
    bounds.push(values.length ? values[values.length - 1] : 5);
  }
  var classes = [];
  for (var i = 0; i < 5; i++) {
    // need rank: for the composite the lowest scores are the most in need
    var need = def.needHigh ? i : 4 - i;
    classes.push({
      min: bounds[i], max: bounds[i + 1], color: PALETTE[need], need: need,
      label: fmtNumber(bounds[i], def.fixed ? 0 : 0) + ' – ' + fmtNumber(bounds[i + 1], def.fixed ? 0 : 0)
    });
  }
  return classes.sort(function (a, b) {
    return a.need - b.need;
  });
}

/** Index (0 = least need … 4 = most need) of a value in the classes, or -1 for no data. */
export function classOf(value) {
  return classIn(state.classes, value);
}

/** The same in classes of another score than the chosen one, as the regions' composite. */
export function classIn(c, value) {
  if (typeof value !== 'number') {
    return -1;
  }
  for (var i = 0; i < c.length; i++) {
    // a value on a break goes to the class above it; the top class includes its maximum
    var inside = value >= c[i].min && (value < c[i].max || (value === c[i].max && c[i].max === topMax(c)));
    if (inside) {
      return i;
    }
  }
  return value < lowMin(c) ? classOfExtreme(c, 'min') : classOfExtreme(c, 'max');
}
function topMax(c) {
  return Math.max.apply(null, c.map(function (x) {
    return x.max;
  }));
}
function lowMin(c) {
  return Math.min.apply(null, c.map(function (x) {
    return x.min;
  }));
}
function classOfExtreme(c, which) {
  var target = which === 'min' ? lowMin(c) : topMax(c);
  for (var i = 0; i < c.length; i++) {
    if ((which === 'min' ? c[i].min : c[i].max) === target) {
      return i;
    }
  }
  return -1;
}

export function colorOf(props) {
  var k = classOf(props[state.score]);
  return k < 0 ? NO_DATA_COLOR : state.classes[k].color;
}
