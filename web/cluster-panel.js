// Selecting a cluster: the panel in place of the ranking, its loading, and going back to the view before.
import { getJson } from './api.js';
import { renderDetail } from './cluster-detail.js';
import { renderRegisterTools } from './cluster-editing.js';
import { stopFootprint } from './cluster-footprint-edit.js';
import { renderIdentification } from './cluster-identification.js';
import { clusterBounds, restyleClusters } from './cluster-layer.js';
import { API } from './config.js';
import { drawEvidence, extendWithEvidence, removeEvidence } from './evidence-lines.js';
import { renderLegend } from './legend.js';
import { renderInterventionGrid } from './intervention-grid.js';
import { renderProposals } from './proposals.js';
import { esc } from './quality.js';
import { renderTable } from './ranking-table.js';
import { state } from './state.js';
import { $, showMessage, startTask } from './ui.js';
import { saveUrlState } from './url-state.js';
import { weightsQuery } from './weights.js';

var detailSeq = 0;

export async function select(id, opts) {
  opts = opts || {};
  if (!state.byId[id]) {
    showMessage('No cluster with Cluster Grid ID ' + id + '.');
    return;
  }
  if (!state.selected) {
    state.viewBeforeSelect = { center: state.map.getCenter(), zoom: state.map.getZoom() };
  }
  state.selected = id;
  restyleClusters();
  renderTable();
  if (opts.scrollRow !== false) {
    var tr = document.querySelector('#ranking-table tr[data-id="' + id + '"]');
    if (tr && tr.scrollIntoView) {
      tr.scrollIntoView({ block: 'nearest' });
    }
  }
  saveUrlState();
  await loadDetail(id, !!opts.zoom);
}

/** Fits the map to the cluster and its evidence lines. */
function zoomToSelection(id) {
  var b = clusterBounds(id);
  if (!b) {
    return;
  }
  extendWithEvidence(b);
  state.map.flyToBounds(b, {
    maxZoom: 14, duration: 0.6, padding: [30, 30]
  });
}

export function deselect(goBack) {
  state.selected = null;
  stopFootprint(); // a footprint being edited in the panel
  $('detail').hidden = true;
  $('side').classList.remove('showing-detail');
  $('detail').removeAttribute('data-id');
  removeEvidence();
  restyleClusters();
  renderTable();
  renderLegend();
  if (goBack && state.viewBeforeSelect) {
    state.map.flyTo(state.viewBeforeSelect.center, state.viewBeforeSelect.zoom, { duration: 0.6 });
  }
  state.viewBeforeSelect = null;
  saveUrlState();
}

/** Loads the register entry and the score breakdown of a cluster, then fills the panel and draws its evidence. */
export async function loadDetail(id, zoom) {
  var seq = ++detailSeq;
  var panel = $('detail');
  panel.hidden = false;
  $('side').classList.add('showing-detail');
  panel.setAttribute('aria-busy', 'true');
  $('detail-title').textContent = state.byId[id].properties.name;
  $('detail-body').innerHTML = '<p class="muted">Loading…</p>';
  var done = startTask('Loading the cluster…');
  try {
    var results = await Promise.all([
      getJson(API + 'clusters/' + encodeURIComponent(id)),
      getJson(API + 'scores/' + encodeURIComponent(id) + '?' + weightsQuery())
    ]);
    if (seq !== detailSeq || state.selected !== id) {
      return; // another cluster was chosen meanwhile
    }
    renderDetail(results[0].properties || {}, results[1]);
    renderIdentification($('detail-body'), results[0].properties);
    // an accepted proposal changed the register: show the cluster as it is now
    renderProposals($('detail-body'), id, function () {
      loadDetail(id, false);
    });
    renderRegisterTools($('detail-body'), id); // edit, retire, history
    renderInterventionGrid($('detail-body'), id); // needs and support, with a form for editors
    drawEvidence(results[1]);
    panel.setAttribute('data-id', id);
    if (zoom) {
      zoomToSelection(id);
    }
  } catch (err) {
    if (seq === detailSeq) {
      $('detail-body').innerHTML = '<p class="error-cell">' + esc(err.message) + '</p>';
      showMessage('The cluster ' + id + ' could not be loaded. ' + err.message);
    }
  } finally {
    done();
    panel.removeAttribute('aria-busy');
  }
}

/** A row selects its cluster and zooms to it; selecting it again goes back to the view before. */
export function toggleRow(id) {
  if (state.selected === id) {
    deselect(true);
  } else {
    select(id, { zoom: true });
  }
}
