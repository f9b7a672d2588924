// The cluster's Identification grid as the editing form shows it: one descriptor per field, so that a new field is
// one entry here. Each descriptor: name (the register's property), label, kind, and where they apply values (the
// allowed ones, with labels), unit and help. Kinds:
//   text     one line of text
//   int      a whole number (sent as a number when it is one; anything else goes to the server, which names it)
//   decimal  a number with a fraction
//   enum     one of values, or none
//   multi    any of values, stored ';'-separated (checkboxes)
//   list     free entries, stored '; '-separated (one line of text, entries separated by ';')
//   names    free entries as list shows them, sent as a JSON array of texts
//   productMarkets product:market[:share] entries as list shows them, sent as an array of {product, market, share}
//   date     an ISO date (YYYY-MM-DD)
// The helpers take another list of descriptors as their last argument (the Intervention grid's form does).
import { TYPOLOGY_LABELS } from './config.js';
import { esc } from './quality.js';

export var CLUSTER_FIELDS = [
  { name: 'name', label: 'Name', kind: 'text', required: true },
  { name: 'sector', label: 'Sector', kind: 'text', help: 'e.g. Textiles and apparel' },
  { name: 'products', label: 'Products', kind: 'list', help: 'separate them with ;' },
  { name: 'typology', label: 'Typology', kind: 'enum', values: Object.keys(TYPOLOGY_LABELS).map(function (k) {
    return { value: k, label: TYPOLOGY_LABELS[k] };
  }) },
  { name: 'setting', label: 'Setting', kind: 'enum', values: [
    { value: 'rural', label: 'rural' }, { value: 'urban', label: 'urban' }] },
  { name: 'firms', label: 'Firms', kind: 'int', unit: 'firms' },
  { name: 'employment', label: 'Employment', kind: 'int', unit: 'people' },
  { name: 'markets_served', label: 'Markets served', kind: 'multi', values: ['local', 'regional', 'national',
    'global'].map(function (v) {
    return { value: v, label: v };
  }) },
  { name: 'source', label: 'Source', kind: 'text', help: 'where these figures come from' },
  { name: 'status', label: 'Status', kind: 'enum', values: ['incipient', 'growing', 'mature', 'declining']
    .map(function (v) {
      return { value: v, label: v };
    }) },
  { name: 'emergence_year', label: 'Emerged in', kind: 'int', unit: 'year' },
  { name: 'product_markets', label: 'Products and their markets', kind: 'productMarkets',
    help: 'product:market:share%, separated by ; — e.g. knitwear:global:45; denim:regional' },
  { name: 'informal_share', label: 'Informal enterprises', kind: 'decimal', unit: '% of enterprises' },
  { name: 'associations', label: 'Associations', kind: 'names', help: 'separate them with ;' },
  { name: 'support_institutions', label: 'Support institutions', kind: 'names', help: 'separate them with ;' },
  { name: 'contact_organisation', label: 'Contact organisation', kind: 'text' },
  { name: 'contact_email', label: 'Contact e-mail', kind: 'text' },
  { name: 'contact_url', label: 'Contact web address', kind: 'text' }
];

var LISTS = { list: true, names: true, productMarkets: true };

var NUMBER = { int: /^-?\d+$/, decimal: /^-?\d+(\.\d+)?$/ };

function entries(v) {
  return (Array.isArray(v) ? v : String(v === null || v === undefined ? '' : v).split(';')).map(function (s) {
    if (s !== null && typeof s === 'object') { // a product market as the register serves it
      return [s.product, s.market].concat(s.share === null || s.share === undefined ? [] : [s.share]).join(':');
    }
    return String(s).trim();
  }).filter(Boolean);
}

/** A product market entry typed as product:market[:share], as the register takes it (the server checks it). */
function productMarket(entry) {
  var parts = entry.split(':').map(function (p) {
    return p.trim();
  });
  var out = { product: parts[0], market: parts[1] || null };
  if (parts.length > 2 && parts[2] !== '') {
    var share = parts[2].replace(/%$/, '');
    out.share = NUMBER.decimal.test(share) ? Number(share) : parts[2];
  }
  return out;
}

/** A field's normalised value (see normalised) as the register is sent it: the lists of objects as arrays. */
export function wireValue(field, v) {
  if (v === null || (field.kind !== 'names' && field.kind !== 'productMarkets')) {
    return v;
  }
  var list = entries(v);
  return field.kind === 'names' ? list : list.map(productMarket);
}

/** Properties of the form (normalised, by name) as the register is sent them. */
export function wireProperties(props) {
  var out = {};
  Object.keys(props).forEach(function (name) {
    out[name] = wireValue(fieldNamed(name), props[name]);
  });
  return out;
}

/** A property as the register holds it, in the form the form compares: null for empty, lists ';'-joined. */
export function normalised(field, v) {
  if (v === undefined || v === null || v === '') {
    return null;
  }
  if (field.kind === 'multi' || LISTS[field.kind]) {
    var list = entries(v);
    if (field.kind === 'multi') { // in the vocabulary's order, whatever order they were stored in
      var order = field.values.map(function (o) {
        return o.value;
      });
      list.sort(function (a, b) {
        return order.indexOf(a) - order.indexOf(b);
      });
    }
    return list.length ? list.join(field.kind === 'multi' ? ';' : '; ') : null; // as the registers write them
  }
  if ((field.kind === 'int' || field.kind === 'decimal') && NUMBER[field.kind].test(String(v).trim())) {
    return Number(String(v).trim());
  }
  return typeof v === 'string' ? v.trim() || null : v;
}

function inputId(prefix, field) {
  return prefix + '-' + field.name;
}

function control(field, value, id) {
  var v = value === null || value === undefined ? '' : value;
  if (field.kind === 'enum') {
    return '<select id="' + id + '" name="' + field.name + '"><option value="">—</option>'
      + field.values.map(function (o) {
        return '<option value="' + esc(o.value) + '"' + (o.value === v ? ' selected' : '') + '>' + esc(o.label)
          + '</option>';
      }).join('') + '</select>';
  }
  if (field.kind === 'multi') {
    var chosen = entries(v);
    return '<span class="edit-checks">' + field.values.map(function (o) {
      return '<label><input type="checkbox" name="' + field.name + '" value="' + esc(o.value) + '"'
        + (chosen.indexOf(o.value) >= 0 ? ' checked' : '') + '> ' + esc(o.label) + '</label>';
    }).join(' ') + '</span>';
  }
  var numeric = field.kind === 'int' || field.kind === 'decimal';
  return '<input id="' + id + '" name="' + field.name + '" value="' + esc(v) + '" maxlength="' + (field.max || 1000)
    + '"' + (field.kind === 'date' ? ' type="date"' : '')
    + (field.help ? ' aria-describedby="' + id + '-help"' : '')
    + (numeric ? ' inputmode="' + (field.kind === 'int' ? 'numeric' : 'decimal') + '"' : '')
    + (field.required ? ' required' : '') + '>';
}

/** The form's rows for every field (of fields, else the cluster's), filled from props; prefix keeps the ids apart. */
export function fieldsHtml(props, prefix, fields) {
  return (fields || CLUSTER_FIELDS).map(function (f) {
    var id = inputId(prefix, f);
    var label = esc(f.label) + (f.unit ? ' <span class="muted">(' + esc(f.unit) + ')</span>' : '');
    var help = f.help ? '<span class="hint" id="' + id + '-help">' + esc(f.help) + '</span>' : '';
    var body = f.kind === 'multi'
      ? '<fieldset class="edit-field" data-field="' + f.name + '"><legend>' + label + '</legend>'
      : '<div class="edit-field" data-field="' + f.name + '"><label for="' + id + '">' + label + '</label>';
    return body + control(f, props[f.name], id) + help
      + '<span class="field-error" role="alert" data-error-for="' + f.name + '"></span>'
      + (f.kind === 'multi' ? '</fieldset>' : '</div>');
  }).join('');
}

/** A field's value as the form has it now, normalised (see normalised). */
export function formValue(form, field) {
  if (field.kind === 'multi') {
    var checked = Array.prototype.filter.call(form.querySelectorAll('input[name="' + field.name + '"]'),
      function (c) {
        return c.checked;
      }).map(function (c) {
      return c.value;
    });
    return normalised(field, checked);
  }
  return normalised(field, form.elements[field.name].value);
}

/** Sets a field of the form to a value as the register holds it. */
export function setFormValue(form, field, value) {
  if (field.kind === 'multi') {
    var chosen = entries(value);
    form.querySelectorAll('input[name="' + field.name + '"]').forEach(function (c) {
      c.checked = chosen.indexOf(c.value) >= 0;
    });
    return;
  }
  form.elements[field.name].value = value === null || value === undefined ? '' : value;
}

/** The properties the form changed against before ({name: new value, null to empty}); {} when none did. */
export function changedProperties(form, before, fields) {
  var changed = {};
  (fields || CLUSTER_FIELDS).forEach(function (f) {
    var now = formValue(form, f);
    if (String(now) !== String(normalised(f, before[f.name]))) {
      changed[f.name] = now;
    }
  });
  return changed;
}

/** The field a name refers to (a server's refusal names one), or null. */
export function fieldNamed(name, fields) {
  return (fields || CLUSTER_FIELDS).filter(function (f) {
    return f.name === name;
  })[0] || null;
}
