/*
 * What the planner map says about unknowns: why a cluster is unranked or unscored, which indicators are missing and
 * why, the quality flags of the data around a cluster, and the "where we have data" overlay. Plain ES module.
 */

/** Text made safe for HTML content and attribute values (the page's one escaper). */
export function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The rank cell: the priority rank, or a dash whose title says why there is none. */
export function rankCell(p) {
  if (typeof p.rank === 'number') {
    return String(p.rank);
  }
  return '<span class="unranked" title="' + esc(p.unranked || 'not ranked') + '">—</span>';
}

/**
 * A line under the cluster's name when it has no priority rank: why, and its rank by gap if it has one. Short in the
 * ranking table (the full reason in its title), in full in the cluster panel.
 */
export function unrankedNote(p, short) {
  if (typeof p.rank === 'number' || !p.unranked) {
    return '';
  }
  var byGap = typeof p.gap_rank === 'number' ? ' (gap rank ' + p.gap_rank + ')' : '';
  var text = p.unranked + byGap;
  if (short) {
    text = typeof p.gap_rank === 'number' ? 'size unknown' : 'not scored: ' + knownText(p.known);
  }
  return '<div class="unranked-note" title="' + esc(p.unranked + byGap) + '">' + esc(text) + '</div>';
}

/** Tooltip text for the rank of a cluster. */
export function rankText(p) {
  if (typeof p.rank === 'number') {
    return 'rank ' + p.rank;
  }
  return typeof p.gap_rank === 'number' ? 'gap rank ' + p.gap_rank + ' (size unknown)' : 'not scored';
}

/** The quality flags of a cluster, each with what it means for the score. */
export function flagsHtml(flags) {
  if (!flags || !flags.length) {
    return '';
  }
  return '<section class="quality"><h3>Data quality</h3><ul>' + flags.map(function (f) {
    return '<li data-flag="' + esc(f.code) + '"><strong>' + esc(f.message) + '.</strong> ' + esc(f.effect) + '</li>';
  }).join('') + '</ul></section>';
}

/** The share of the evidence that is known, as a planner reads it. */
export function knownText(known) {
  return typeof known === 'number' ? Math.round(known * 100) + ' % known' : '';
}

/** Why an indicator has no value, under its title; empty when it was measured. */
export function missingNote(ind) {
  return ind.reason ? '<div class="missing-reason">' + esc(ind.reason) + '</div>' : '';
}

/** Coverage areas as a Leaflet layer: a light fill per dataset, with what it covers in a popup. */
export function coverageLayer(L, featureCollection, pane) {
  return L.geoJSON(featureCollection, {
    pane: pane,
    style: function (f) {
      var infra = f.properties.layers.indexOf('roads') >= 0 || f.properties.layers.indexOf('power') >= 0;
      return { color: infra ? '#0072B2' : '#56B4E9', weight: 1, fillOpacity: 0.12, dashArray: '4 4' };
    },
    onEachFeature: function (f, l) {
      var p = f.properties;
      l.bindPopup('<strong>' + esc(p.dataset) + '</strong><br>data for: ' + esc(p.layers.join(', ')) +
        '<br><span class="muted">' + esc(p.description) + '</span>');
    }
  });
}
