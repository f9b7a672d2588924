// A road upgrade put together on the map: each click picks the road segment under it or, clicked again, un-picks
// it; the picked segments are listed with what they are and a remove button; "Add the upgrade" puts them into the
// draft with the surface and class chosen.
import { setLayer } from './layer-toggles.js';
import { drawPicked, startPickingRoads, stopPickingRoads } from './road-pick-map.js';
import { segmentDetails, segmentName } from './road-segments.js';
import { esc } from './quality.js';
import { state } from './state.js';
import { $ } from './ui.js';

var picked = []; // the segments picked, in the order picked
var draft = null; // {add(roadIds) -> true when added, upgradedBy(roadId) -> its intervention's number or 0, hint}

/**
 * Wires the picked list and its buttons. add(roadIds) puts an upgrade of them into the draft with the form's fields
 * and says whether it did; upgradedBy(id) is the number (1, 2 …) of the drafted upgrade that names a segment, or 0;
 * hint(text) says what to do next.
 */
export function wireRoadUpgrade(add, upgradedBy, hint) {
  draft = { add: add, upgradedBy: upgradedBy, hint: hint };
  $('road-pick-list').addEventListener('click', function (ev) {
    var button = ev.target.closest('button[data-unpick]');
    if (button) {
      unpick(button.dataset.unpick);
    }
  });
  $('road-upgrade-add').addEventListener('click', addUpgrade);
  $('road-upgrade-cancel').addEventListener('click', function () {
    clearRoadPicks();
    hint('Road upgrade cancelled.');
  });
  render();
}

/** Map clicks pick roads from now on; the roads are shown if they were switched off. */
export function pickRoads() {
  if (!state.layers.roads) {
    draft.hint('The data hold no roads to upgrade.');
    return;
  }
  if (!state.layers.roads.on) {
    setLayer('roads', true);
  }
  startPickingRoads(toggle, draft.hint);
  draft.hint(picked.length ? 'Click more roads to pick them, or a picked one to un-pick it (Esc to pause).'
    : 'Click a road on the map to pick it; zoom in to tell close roads apart (Esc to pause).');
}

/** Map clicks stop picking (another kind is placed, a file uploaded); the picked segments stay. */
export function pauseRoadPicking() {
  stopPickingRoads();
}

export function clearRoadPicks() {
  stopPickingRoads();
  picked = [];
  render();
}

function indexOf(id) {
  for (var i = 0; i < picked.length; i++) {
    if (picked[i].id === id) {
      return i;
    }
  }
  return -1;
}

function toggle(segment) {
  if (!segment) {
    draft.hint('No road there: click on a road (zoom in to tell close roads apart).');
    return;
  }
  var name = segmentName(segment);
  if (indexOf(segment.id) >= 0) {
    unpick(segment.id);
    return;
  }
  var by = draft.upgradedBy(segment.id);
  if (by) {
    draft.hint(name + ' is upgraded by intervention ' + by + ' of the draft already: a road is upgraded once.');
    return;
  }
  picked.push(segment);
  draft.hint('Picked ' + name + ' (' + count(picked.length) + '). Click it again to un-pick it.');
  render();
}

function unpick(id) {
  var i = indexOf(id);
  if (i < 0) {
    return;
  }
  var gone = picked.splice(i, 1)[0];
  draft.hint('Un-picked ' + segmentName(gone) + ' (' + count(picked.length) + ').');
  render();
}

function count(n) {
  return n + (n === 1 ? ' segment' : ' segments') + ' picked';
}

function addUpgrade() {
  if (!picked.length) {
    draft.hint('Pick the roads to upgrade first: click them on the map.');
    return;
  }
  var ids = picked.map(function (s) {
    return s.id;
  });
  if (draft.add(ids)) {
    clearRoadPicks();
  }
}

function render() {
  var list = $('road-pick-list');
  list.innerHTML = picked.map(function (s) {
    // the button first, so that it floats beside the segment's first line however long its text
    return '<li data-road="' + esc(s.id) + '"><button type="button" class="icon" data-unpick="' + esc(s.id) +
      '" aria-label="Un-pick ' + esc(segmentName(s)) + '" title="Un-pick">×</button><span><strong>' +
      esc(segmentName(s)) + '</strong> <span class="muted">' + esc(segmentDetails(s)) + ' · ' + esc(s.id) +
      '</span></span></li>';
  }).join('');
  list.hidden = picked.length === 0;
  var add = $('road-upgrade-add');
  add.disabled = picked.length === 0;
  add.textContent = picked.length ? 'Add the upgrade (' + picked.length + (picked.length === 1 ? ' segment)'
    : ' segments)') : 'Add the upgrade';
  drawPicked(picked);
}
