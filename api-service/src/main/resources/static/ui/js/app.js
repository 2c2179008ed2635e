// The dashboard's router: #/jobs, #/jobs/<id>, #/compare?ids=..., #/new; everything else needs a key first.

import {onUnauthorized, session} from './api.js';
import {replace} from './dom.js';
import {signInPage} from './pages/signin.js';
import {jobsPage} from './pages/jobs.js';
import {jobPage} from './pages/job.js';
import {comparePage} from './pages/compare.js';
import {newJobPage} from './pages/newjob.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let current = null; // the page's AbortController: stops its streams and timers when the route changes

function parse() {
  const hash = location.hash.replace(/^#/, '') || '/jobs';
  const [path, query = ''] = hash.split('?');
  return {parts: path.split('/').filter(Boolean), params: new URLSearchParams(query)};
}

export function go(route) {
  if (location.hash === route) render();
  else location.hash = route;
}

function render() {
  if (current) current.abort();
  current = new AbortController();
  const signal = current.signal;
  const {parts, params} = parse();
  const signedIn = Boolean(session.key());
  nav.hidden = !signedIn;
  let page;
  if (!signedIn) {
    page = signInPage({onSignedIn: () => go('#/jobs')});
  } else if (parts[0] === 'jobs' && parts[1]) {
    page = jobPage(decodeURIComponent(parts[1]), signal);
  } else if (parts[0] === 'compare') {
    page = comparePage(params, signal);
  } else if (parts[0] === 'new') {
    page = newJobPage(params, signal);
  } else {
    page = jobsPage(params, signal);
  }
  for (const link of nav.querySelectorAll('a[data-route]')) {
    if (link.dataset.route === (parts[0] || 'jobs') && !parts[1]) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  replace(main, page);
  const heading = main.querySelector('h1');
  document.title = (heading ? heading.textContent + ' · ' : '') + 'Spikelot';
  // a new page starts at its top, with focus at its start (or its first field) for keyboard and screen readers
  window.scrollTo(0, 0);
  const autofocus = main.querySelector('[data-autofocus]');
  (autofocus || main).focus({preventScroll: true});
}

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  go('#/jobs');
});

onUnauthorized(() => {
  session.signOut();
  render();
});

window.addEventListener('hashchange', render);
render();
