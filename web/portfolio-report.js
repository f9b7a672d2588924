// The portfolio report of the current choice: the inputs of the last "Choose projects" posted to
// /api/reports/portfolios, the answer opened in a new tab as a blob URL (HTML to read and print, or the PDF).
import { API } from './config.js';
import { problemsOf, writeHeaders } from './scenario-api.js';

/** The report's URL for a choice {scenario, generate, objective, budget} in format f ('html' or 'pdf'). */
export function reportUrl(choice, f) {
  return API + 'reports/portfolios?budget=' + encodeURIComponent(choice.budget) + '&objective=' +
    encodeURIComponent(choice.objective) + '&generate=' + (choice.generate ? 'true' : 'false') +
    (choice.scenario ? '&scenario=' + encodeURIComponent(choice.scenario) : '') + '&f=' + f;
}

/**
 * Opens the report in a new tab; the tab is opened at once, while the click still allows it, and shows the report
 * when it is made (a portfolio is chosen again on the server: seconds). Resolves to null, or the problems.
 */
export async function openReport(choice, f, session) {
  var tab = window.open('', '_blank');
  if (tab) {
    tab.document.title = 'Making the portfolio report…';
    tab.document.body.textContent = 'Making the portfolio report…';
  }
  var res;
  try {
    res = await fetch(reportUrl(choice, f), { method: 'POST', headers: writeHeaders(session), body: '' });
  } catch (err) {
    return fail(tab, [err.message]);
  }
  if (res.status !== 200) {
    var body = await res.json().catch(function () {
      return null;
    });
    return fail(tab, problemsOf(body, res.status));
  }
  var url = URL.createObjectURL(await res.blob());
  if (tab) {
    tab.location.href = url;
  } else {
    window.location.assign(url);
  }
  // the tab has loaded it by then; the URL is not needed afterwards
  setTimeout(function () {
    URL.revokeObjectURL(url);
  }, 60000);
  return null;
}

function fail(tab, problems) {
  if (tab) {
    tab.close();
  }
  return problems;
}
