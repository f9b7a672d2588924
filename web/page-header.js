// The page's header line on the server's health and the banner that marks synthetic data.
import { esc } from './quality.js';
import { $ } from './ui.js';

export function renderHealth(health) {
  $('health').textContent = 'Server ' + (health.status || '?') + ' · ' + (health.store || '?') + ' store · ' +
    (health.datasets !== undefined ? health.datasets : '?') + ' dataset(s)';
  $('health').className = 'health ' + (health.status === 'UP' ? 'health-up' : 'health-down');
}

export function renderSyntheticBanner(datasets) {
  var synthetic = datasets.filter(function (d) {
    return d.synthetic;
  });
  var banner = $('synthetic-banner');
  banner.hidden = synthetic.length === 0;
  if (synthetic.length) {
    banner.innerHTML = '<span class="banner-label">Demo data</span> Synthetic, not real places: ' +
      synthetic.map(function (d) {
        return '<strong>' + esc(d.title || d.id) + '</strong>';
      }).join(', ') + '. Do not use these clusters or their scores for decisions.';
  }
}
