// The cluster panel's Identification grid: life-cycle status and age, main products and their markets,
// informality, the associations and support institutions present, and whom to contact. Whatever the register
// does not know says "not known", never 0 or a blank.
import { fmtNumber } from './format.js';
import { esc } from './quality.js';

var NOT_KNOWN = '<span class="muted">not known</span>';

/** Adds the grid under the panel's register facts (the first list of facts in {@code container}). */
export function renderIdentification(container, reg) {
  var facts = container.querySelector('dl.facts');
  if (!facts) {
    return;
  }
  var section = document.createElement('section');
  section.className = 'identification';
  section.innerHTML = identificationHtml(reg || {});
  facts.after(section);
}

/** The grid as HTML: a heading and one fact per field. */
export function identificationHtml(reg) {
  return '<h3>Identification grid</h3><dl class="facts" id="detail-identification">' +
    fact('Status', 'status', status(reg)) +
    fact('Products and markets', 'product-markets', productMarkets(reg.product_markets)) +
    fact('Informal enterprises', 'informal-share', typeof reg.informal_share === 'number'
      ? esc(fmtNumber(reg.informal_share, 1)) + '% of enterprises' : NOT_KNOWN) +
    fact('Associations', 'associations', names(reg.associations)) +
    fact('Support institutions', 'support-institutions', names(reg.support_institutions)) +
    fact('Contact', 'contact', contact(reg)) +
    '</dl>';
}

function fact(label, key, html) {
  return '<dt>' + esc(label) + '</dt><dd data-field="' + key + '">' + html + '</dd>';
}

function status(reg) {
  if (!reg.status && !reg.emergence_year) {
    return NOT_KNOWN;
  }
  return (reg.status ? esc(reg.status) : 'stage not known') + '; ' +
    (reg.emergence_year ? 'emerged in ' + esc(reg.emergence_year) : 'year of emergence not known');
}

function productMarkets(list) {
  if (!Array.isArray(list) || !list.length) {
    return NOT_KNOWN;
  }
  return '<ul class="plain">' + list.map(function (m) {
    var share = typeof m.share === 'number' ? ', ' + esc(fmtNumber(m.share, 1)) + '% of output' : '';
    return '<li>' + esc(m.product) + ' <span class="muted">(' + esc(m.market) + share + ')</span></li>';
  }).join('') + '</ul>';
}

function names(list) {
  if (!Array.isArray(list) || !list.length) {
    return NOT_KNOWN;
  }
  return list.map(esc).join('; ');
}

function contact(reg) {
  var parts = [];
  if (reg.contact_organisation) {
    parts.push(esc(reg.contact_organisation));
  }
  if (reg.contact_email) {
    parts.push('<a href="mailto:' + esc(reg.contact_email) + '">' + esc(reg.contact_email) + '</a>');
  }
  // the register takes only http(s) addresses; checked again so no other scheme becomes a link
  if (reg.contact_url && /^https?:\/\//i.test(reg.contact_url)) {
    parts.push('<a href="' + esc(reg.contact_url) + '" target="_blank" rel="noopener">' +
      esc(reg.contact_url) + '</a>');
  }
  return parts.length ? parts.join(' · ') : NOT_KNOWN;
}
