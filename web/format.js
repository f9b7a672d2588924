// Numbers, distances, durations and indicator values as a planner reads them.

export function fmtNumber(n, decimals) {
  if (n === null || n === undefined || isNaN(n)) {
    return '—';
  }
  return Number(n).toLocaleString('en', { maximumFractionDigits: decimals === undefined ? 1 : decimals });
}

/** A number with exactly so many decimals ("31.0"), so figures side by side line up. */
export function fmtFixed(n, decimals) {
  if (n === null || n === undefined || isNaN(n)) {
    return '—';
  }
  return Number(n).toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A number to its first few significant digits, for ratios as small as 0.0042 or as large as 12,300. */
export function fmtSignificant(n, digits) {
  if (n === null || n === undefined || isNaN(n)) {
    return '—';
  }
  return Number(n).toLocaleString('en', { maximumSignificantDigits: digits || 3 });
}

/** Metres as "850 m", "2.2 km", "34 km". */
export function fmtDistance(m) {
  if (m === null || m === undefined || isNaN(m)) {
    return '—';
  }
  if (m < 1000) {
    return Math.round(m) + ' m';
  }
  return m < 10000 ? (m / 1000).toFixed(1) + ' km' : Math.round(m / 1000).toLocaleString('en') + ' km';
}

/** Seconds as "< 1 min", "12 min", "1 h 5 min". */
export function fmtDuration(s) {
  if (s === null || s === undefined || isNaN(s)) {
    return '—';
  }
  if (s < 60) {
    return s <= 0 ? '0 min' : '< 1 min';
  }
  var min = Math.round(s / 60);
  if (min < 60) {
    return min + ' min';
  }
  var h = Math.floor(min / 60);
  var rest = min % 60;
  return h + ' h' + (rest ? ' ' + rest + ' min' : '');
}

/** An indicator's value in its unit, in words a planner reads. */
export function fmtIndicatorValue(ind) {
  var v = ind.value;
  if (v === null || v === undefined) {
    return ind.details && ind.details.unreachable ? 'none reachable' : 'unknown';
  }
  switch (ind.unit) {
    case 'm':
      return fmtDistance(v);
    case 's':
      return fmtDuration(v);
    case 'share':
      return Math.round(v * 100) + ' %';
    case 'flag':
      return v >= 1 ? 'yes' : 'no';
    case 'count':
      return fmtNumber(v, 0);
    default:
      return fmtNumber(v, v >= 100 ? 0 : 2) + (ind.unit ? ' ' + ind.unit : '');
  }
}

/** Evidence distance and/or time: "2.2 km", "12 min", "2.2 km · 12 min". */
export function fmtEvidence(ev) {
  var parts = [];
  if (ev.metres !== null && ev.metres !== undefined) {
    parts.push(fmtDistance(ev.metres));
  }
  if (ev.seconds !== null && ev.seconds !== undefined) {
    parts.push(fmtDuration(ev.seconds));
  }
  return parts.join(' · ');
}

export function countryOf(id) {
  var m = /^CG-([A-Z]{2})-/.exec(id || '');
  return m ? m[1] : '';
}
