// The interventions a scenario holds (docs/scenarios.md): their names, how they are drawn, and a line describing one.
import { EVIDENCE_COLORS } from './config.js';
import { fmtNumber } from './format.js';

/** Per kind: label, the geometry it is placed as (null: names existing roads), the colour it is drawn in. */
export var KINDS = {
  finance_point: { label: 'Finance point', geometry: 'Point', colour: EVIDENCE_COLORS.finance },
  market: { label: 'Market', geometry: 'Point', colour: EVIDENCE_COLORS.markets },
  new_substation: { label: 'Substation', geometry: 'Point', colour: EVIDENCE_COLORS.power },
  new_power_line: { label: 'Power line', geometry: 'LineString', colour: EVIDENCE_COLORS.power },
  new_road: { label: 'New road', geometry: 'LineString', colour: EVIDENCE_COLORS.roads },
  upgrade_road: { label: 'Road upgrade', geometry: null, colour: EVIDENCE_COLORS.roads }
};

var UNKNOWN = { label: 'Unknown kind', geometry: null, colour: '#666666' };

// HV from 66 kV, as the server classes a line (the power=line of OSM); MV below
var HV_FROM_KV = 66;

export function kindOf(id) {
  return KINDS[id] || UNKNOWN;
}

export function kindLabel(id) {
  return KINDS[id] ? KINDS[id].label : String(id);
}

function words(text) {
  return String(text).replace(/_/g, ' ');
}

/** "Finance point: bank", "Power line: 33 kV (MV)", "New road: tertiary, asphalt" — from a feature's properties. */
export function describeIntervention(p) {
  var what = kindLabel(p.kind);
  var detail = [];
  if (p.finance_type) {
    detail.push(words(p.finance_type));
  }
  if (p.market_kind) {
    detail.push(words(p.market_kind));
  }
  if (p.voltage_kv !== undefined && p.voltage_kv !== null && p.voltage_kv !== '') {
    detail.push(p.voltage_kv + ' kV' + (p.kind === 'new_power_line' ? (p.voltage_kv >= HV_FROM_KV ? ' (HV)' : ' (MV)')
      : ''));
  }
  if (p.supply_hours !== undefined && p.supply_hours !== null && p.supply_hours !== '') {
    detail.push(p.supply_hours + ' h of supply a day');
  }
  if (p.class) {
    detail.push(words(p.class));
  }
  if (p.surface) {
    detail.push(words(p.surface));
  }
  if (Array.isArray(p.roads)) {
    detail.push(p.roads.length + (p.roads.length === 1 ? ' segment' : ' segments'));
  }
  return what + (detail.length ? ': ' + detail.join(', ') : '') + (p.name ? ' “' + p.name + '”' : '');
}

/** "150,000" or "priced by the cost profile" for a drafted intervention. */
export function costText(p) {
  return typeof p.cost === 'number' ? 'cost ' + fmtNumber(p.cost, 2) : 'cost from the profile';
}
