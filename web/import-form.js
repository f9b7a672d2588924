// An admin's upload of files to import (a layer of your own, an OpenStreetMap extract, a cluster register, GeoNames),
// run on the server as a job: its progress asked for every second and shown, then its report or its error.
import { API } from './config.js';
import { fmtDuration, fmtNumber } from './format.js';
import { esc } from './quality.js';
import { $ } from './ui.js';

var POLL_MS = 1000;
var MAX_PROBLEMS = 20;

/** Shows the import form to an admin signed in with a session (whose CSRF token the upload needs). */
export function wireImportForm(session) {
  if (!session || session.role !== 'admin' || !session.csrf) {
    return;
  }
  var form = $('import-form');
  $('import-section').hidden = false;
  var showKind = function () {
    var layer = form.elements.kind.value === 'layer';
    form.querySelectorAll('.for-layer').forEach(function (el) {
      el.hidden = !layer;
    });
    form.elements.as.required = layer;
  };
  form.elements.kind.addEventListener('change', showKind);
  showKind();
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    upload(form, session);
  });
}

async function upload(form, session) {
  var button = form.querySelector('button[type=submit]');
  var data = new FormData(form);
  ['as', 'osm-filter', 'title', 'licence'].forEach(function (name) {
    if (!data.get(name)) {
      data.delete(name);
    }
  });
  if (form.elements.kind.value !== 'layer') {
    data.delete('as');
    data.delete('osm-filter');
  }
  data.set('async', 'true');
  var headers = { Accept: 'application/json' };
  headers[session.csrf.header] = session.csrf.token;
  button.disabled = true;
  show('Sending the files…', null);
  try {
    var res = await fetch(API + 'admin/imports', { method: 'POST', headers: headers, body: data });
    var body = await res.json().catch(function () {
      return null;
    });
    if (res.status !== 202) {
      showError(body, res.status);
      return;
    }
    await follow(body.id);
  } catch (err) {
    show('The import could not be sent or followed: ' + esc(err.message), null);
  } finally {
    button.disabled = false;
  }
}

/** Asks for the job every second until it is over. */
async function follow(id) {
  for (;;) {
    var res = await fetch(API + 'admin/imports/jobs/' + encodeURIComponent(id), {
      headers: { Accept: 'application/json' }
    });
    var job = await res.json();
    if (!res.ok) {
      showError(job, res.status);
      return;
    }
    if (job.state === 'succeeded') {
      showReport(job.report);
      return;
    }
    if (job.state === 'failed') {
      showError(job.error, job.error && job.error.status);
      return;
    }
    showProgress(job);
    await new Promise(function (resolve) {
      setTimeout(resolve, POLL_MS);
    });
  }
}

function showProgress(job) {
  if (job.state === 'queued' || job.pass === null) {
    show('Waiting for the imports before it to finish…', null);
    return;
  }
  var percent = Math.round(job.done * 100);
  var features = fmtNumber(job.features, 0) + (job.featuresTotal !== null ? ' of ' +
    fmtNumber(job.featuresTotal, 0) : '') + ' features';
  var left = job.etaSeconds === null ? 'time left not yet known' : fmtDuration(job.etaSeconds) + ' left';
  show('Pass ' + job.pass + ' of ' + job.passes + ' (' + esc(job.passName) + '): ' + percent + ' %, ' + features +
    ', ' + left, percent);
}

function showReport(body) {
  var what = body.layer ? 'layer “' + esc(body.layer.title || body.layer.name) + '”: ' +
    fmtNumber(body.layer.featureCount, 0) + ' features' : 'dataset “' + esc(body.dataset.id) + '”';
  show('Imported ' + what + ' in ' + body.seconds + ' s. ' + (body.layer ? 'Reload the page to see it under' +
    ' Your layers.' : '') + problems(body.report), 100);
}

function showError(body, status) {
  var message = body && body.message ? body.message : 'HTTP ' + status;
  show('<strong>Import failed:</strong> ' + esc(message) + (body && body.report ? problems(body.report) : ''), null);
}

function problems(report) {
  var list = (report.problems || []).slice(0, MAX_PROBLEMS).map(function (p) {
    return '<li>' + esc(p.text) + '</li>';
  }).join('');
  var more = report.problems && report.problems.length > MAX_PROBLEMS ? '<li>… and ' +
    (report.problems.length - MAX_PROBLEMS) + ' more</li>' : '';
  return list ? '<ul class="import-problems">' + list + more + '</ul>' : '';
}

function show(html, percent) {
  $('import-status').innerHTML = html;
  var bar = $('import-progress');
  bar.hidden = percent === null;
  if (percent !== null) {
    bar.value = percent;
  }
}
