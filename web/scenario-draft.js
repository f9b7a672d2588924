// "New scenario" (analysts and admins): interventions placed on the map, road upgrades picked on it, or read from an
// uploaded GeoJSON, listed with a remove button, saved in one POST; a refusal lists every problem and changes nothing
// else.
import { esc } from './quality.js';
import { featureIndexOf, saveScenario } from './scenario-api.js';
import { cancelPlacing, drawDraft, startPlacing } from './scenario-draft-map.js';
import { costText, describeIntervention, kindOf } from './scenario-kinds.js';
import { clearRoadPicks, pauseRoadPicking, pickRoads, wireRoadUpgrade } from './scenario-road-upgrade.js';
import { $ } from './ui.js';

var DEFAULT_LINE_KV = 33; // a common MV voltage; the planner changes it for HV

var draft = {
  features: [], // GeoJSON features, one an intervention, in the order they are posted
  extra: {}, // members of an uploaded collection kept as they were (e.g. its description)
  raw: null, // an uploaded file the page cannot read as a collection: posted as it is, for the server to check
  problems: {} // feature index -> true, for those the last refusal named
};
var session = null;
var onSaved = function () {};

/** Shows the form to a caller who may make scenarios; saved(scenario) is called after each save. */
export function wireScenarioDraft(caller, saved) {
  session = caller;
  onSaved = saved;
  var form = $('scenario-form');
  $('scenario-new').hidden = false;
  form.elements.kind.addEventListener('change', showFieldsOfKind);
  showFieldsOfKind();
  $('scenario-place').addEventListener('click', place);
  wireRoadUpgrade(addRoadUpgrade, upgradedBy, hint);
  form.elements.upload.addEventListener('change', function () {
    readUpload(form.elements.upload.files[0]);
  });
  $('scenario-clear').addEventListener('click', clearDraft);
  $('scenario-draft-list').addEventListener('click', function (ev) {
    var button = ev.target.closest('button[data-remove]');
    if (button) {
      draft.features.splice(Number(button.dataset.remove), 1);
      draft.problems = {};
      renderDraft();
    }
  });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    save();
  });
  renderDraft();
}

function showFieldsOfKind() {
  var form = $('scenario-form');
  var kind = form.elements.kind.value;
  if (kind !== 'upgrade_road') {
    pauseRoadPicking(); // what was picked stays, for when the planner comes back to the upgrade
  }
  $('scenario-place').textContent = kind === 'upgrade_road' ? 'Pick roads on the map' : 'Place on the map';
  form.querySelectorAll('[data-for]').forEach(function (el) {
    el.hidden = el.dataset.for.split(' ').indexOf(kind) < 0;
  });
  var kv = form.elements.voltage_kv;
  kv.required = kind === 'new_power_line';
  if (kind === 'new_power_line' && !kv.value) {
    kv.value = DEFAULT_LINE_KV;
  }
}

/**
 * The properties of the intervention the form describes, an upgrade of the roads given; the server gives ids (i1,
 * i2 …) by position.
 */
function propertiesFromForm(roads) {
  var f = $('scenario-form').elements;
  var p = { kind: f.kind.value };
  if (p.kind === 'upgrade_road') {
    p.roads = roads;
    p.surface = f.surface.value;
    if (f.upgrade_class.value) { // blank: each road keeps its class
      p.class = f.upgrade_class.value;
    }
  }
  if (p.kind === 'finance_point') {
    p.finance_type = f.finance_type.value;
  } else if (p.kind === 'market') {
    p.market_kind = f.market_kind.value;
  } else if (p.kind === 'new_road') {
    p.class = f.class.value;
    p.surface = f.surface.value;
  }
  if ((p.kind === 'new_power_line' || p.kind === 'new_substation') && f.voltage_kv.value !== '') {
    p.voltage_kv = Number(f.voltage_kv.value);
  }
  if ((p.kind === 'new_power_line' || p.kind === 'new_substation') && f.supply_hours.value !== '') {
    p.supply_hours = Number(f.supply_hours.value);
  }
  if (f.cost.value !== '') {
    p.cost = Number(f.cost.value);
  }
  if (f.label.value.trim()) {
    p.name = f.label.value.trim();
  }
  return p;
}

/**
 * The fields' own checks (a voltage, hours of supply, a cost of 0 or more), before the map is clicked: false after
 * saying why.
 */
function fieldsValid() {
  var form = $('scenario-form');
  var bad = ['voltage_kv', 'supply_hours', 'cost'].map(function (n) {
    return form.elements[n];
  }).filter(function (el) {
    return !el.closest('[hidden]') && !el.checkValidity();
  })[0];
  if (bad) {
    bad.reportValidity();
    return false;
  }
  return true;
}

function place() {
  if (!fieldsValid()) {
    return;
  }
  if ($('scenario-form').elements.kind.value === 'upgrade_road') {
    cancelPlacing();
    pickRoads();
    return;
  }
  pauseRoadPicking();
  var properties = propertiesFromForm();
  var kind = kindOf(properties.kind);
  startPlacing(kind.geometry, kind.colour, function (geometry) {
    addIntervention(geometry, properties, 'Placed');
  }, hint);
}

/** Puts an upgrade of the picked roads into the draft, with the form's surface, class, cost and label. */
function addRoadUpgrade(roadIds) {
  if (!fieldsValid()) {
    return false;
  }
  addIntervention(null, propertiesFromForm(roadIds), 'Added');
  return true;
}

/** The number (1, 2 …) of the drafted upgrade that names the road, or 0: a road is upgraded once in a scenario. */
function upgradedBy(roadId) {
  for (var i = 0; i < draft.features.length; i++) {
    var p = draft.features[i].properties || {};
    if (p.kind === 'upgrade_road' && Array.isArray(p.roads) && p.roads.indexOf(roadId) >= 0) {
      return i + 1;
    }
  }
  return 0;
}

function addIntervention(geometry, properties, done) {
  var form = $('scenario-form');
  draft.features.push({ type: 'Feature', geometry: geometry, properties: properties });
  // a cost and a label belong to one intervention: the next starts without them
  form.elements.cost.value = '';
  form.elements.label.value = '';
  if (draft.raw !== null) {
    form.elements.upload.value = ''; // an unreadable file and placed interventions cannot go together
    draft.raw = null;
  }
  draft.problems = {};
  hint(done + ': ' + describeIntervention(properties) + '.');
  renderDraft();
}

function hint(text) {
  $('scenario-place-hint').textContent = text;
}

async function readUpload(file) {
  if (!file) {
    return;
  }
  cancelPlacing();
  pauseRoadPicking();
  var text = await file.text();
  var fc = null;
  try {
    fc = JSON.parse(text);
  } catch (e) {
    fc = null;
  }
  draft.problems = {};
  if (fc && fc.type === 'FeatureCollection' && Array.isArray(fc.features)) {
    draft.features = fc.features.slice();
    draft.extra = {};
    Object.keys(fc).forEach(function (k) {
      if (k !== 'type' && k !== 'features' && k !== 'name') {
        draft.extra[k] = fc[k];
      }
    });
    draft.raw = null;
    var name = $('scenario-form').elements.name;
    if (typeof fc.name === 'string' && fc.name.trim()) {
      name.value = fc.name.trim();
    }
    hint('Read ' + fc.features.length + ' interventions from ' + file.name + '.');
  } else {
    draft.features = [];
    draft.raw = text;
    hint(file.name + ' is not a GeoJSON FeatureCollection this page can read; Save sends it as it is, for the' +
      ' server to check.');
  }
  renderDraft();
}

function clearDraft() {
  cancelPlacing();
  clearRoadPicks();
  draft = { features: [], extra: {}, raw: null, problems: {} };
  var form = $('scenario-form');
  form.elements.name.value = '';
  form.elements.upload.value = '';
  hint('');
  $('scenario-status').textContent = '';
  renderDraft();
}

function renderDraft() {
  var list = $('scenario-draft-list');
  list.innerHTML = draft.features.map(function (f, i) {
    var p = f.properties || {};
    return '<li class="' + (draft.problems[i] ? 'has-problem' : '') + '"><span>' + esc(describeIntervention(p)) +
      ' <span class="muted">· ' + esc(costText(p)) + '</span></span><button type="button" class="icon" ' +
      'data-remove="' + i + '" aria-label="Remove intervention ' + (i + 1) + '" title="Remove">×</button></li>';
  }).join('');
  list.hidden = draft.features.length === 0;
  $('scenario-draft-count').textContent = draft.raw !== null ? 'An uploaded file, sent as it is.'
    : draft.features.length ? draft.features.length + (draft.features.length === 1 ? ' intervention' : ' interventions')
      : 'No interventions yet: place one on the map, pick roads to upgrade or upload a GeoJSON.';
  drawDraft(draft.features, draft.problems);
}

async function save() {
  var form = $('scenario-form');
  var name = form.elements.name.value.trim();
  var text = draft.raw !== null ? draft.raw : JSON.stringify(Object.assign({ type: 'FeatureCollection' },
    name ? { name: name } : {}, draft.extra, { features: draft.features }));
  var button = form.querySelector('button[type=submit]');
  button.disabled = true;
  status('Saving…');
  try {
    var result = await saveScenario(text, session, name);
    if (!result.ok) {
      showProblems(result.problems);
      return;
    }
    clearDraft();
    status('Saved “' + esc(result.scenario.name) + '”.');
    onSaved(result.scenario);
  } catch (err) {
    status('The scenario could not be sent: ' + esc(err.message));
  } finally {
    button.disabled = false;
  }
}

/** Every problem of a refusal as a list item; the interventions they name are marked in the list and on the map. */
function showProblems(problems) {
  draft.problems = {};
  problems.forEach(function (p) {
    var i = featureIndexOf(p, draft.features);
    if (i >= 0) {
      draft.problems[i] = true;
    }
  });
  status('<strong>Not saved</strong> (' + problems.length + (problems.length === 1 ? ' problem' : ' problems') +
    '):<ul class="scenario-problems">' + problems.map(function (p) {
    return '<li>' + esc(p) + '</li>';
  }).join('') + '</ul>');
  renderDraft();
  $('scenario-status').scrollIntoView({ block: 'nearest' });
}

function status(html) {
  $('scenario-status').innerHTML = html;
}
