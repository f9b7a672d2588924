// The sign-in page: fetches the CSRF token the form must carry and says why an earlier attempt failed.
var MESSAGES = {
  credentials: 'Sign-in failed: the user name or password is wrong.',
  throttled: 'Too many failed sign-ins. Wait 15 minutes and try again.',
  expired: 'The page was open too long. Please sign in again.',
  unavailable: 'Accounts cannot be checked right now (the database does not answer). Try again in a moment.'
};

function show(text, isError) {
  var p = document.getElementById('login-message');
  p.textContent = text;
  p.className = 'login-message' + (isError ? ' login-error' : '');
  p.hidden = false;
}

async function init() {
  var params = new URLSearchParams(location.search);
  document.getElementById('login-next').value = params.get('next') || '/';
  if (params.has('error')) {
    show(MESSAGES[params.get('error')] || MESSAGES.credentials, true);
  } else if (params.has('signedout')) {
    show('You are signed out.', false);
  }
  try {
    var res = await fetch('api/session?csrf', { headers: { Accept: 'application/json' } });
    var session = await res.json();
    document.getElementById('login-csrf').value = session.csrf.token;
    document.getElementById('login-submit').disabled = false;
    document.getElementById('login-map-link').hidden = !session.anonymousRead;
  } catch (e) {
    show('The server could not be reached; try again shortly.', true);
  }
}

init();
