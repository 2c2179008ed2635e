import {getJson, Problem, session} from '../api.js';
import {h} from '../dom.js';

/** Asks for an API key, checks it against the API, and keeps it in sessionStorage only. */
export function signInPage({onSignedIn}) {
  const input = h('input', {
    id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-describedby': 'sign-in-help', 'data-autofocus': true,
  });
  const error = h('p', {class: 'problem', id: 'sign-in-error', role: 'alert', hidden: true});
  const button = h('button', {type: 'submit', class: 'primary'}, 'Sign in');
  const form = h('form', {class: 'card narrow', novalidate: true},
    h('h1', {}, 'Sign in'),
    h('label', {for: 'api-key'}, 'API key'),
    input,
    h('p', {class: 'help', id: 'sign-in-help'},
      'Paste a key of your tenant. It stays in this browser tab only (session storage) and is sent as the bearer ',
      'header; closing the tab or signing out forgets it.'),
    error,
    button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = input.value.trim();
    error.hidden = true;
    if (!key) {
      error.textContent = 'Enter an API key';
      error.hidden = false;
      return;
    }
    button.disabled = true;
    try {
      await getJson('/api/v1/jobs?size=1', {key});
      session.signIn(key);
      input.value = '';
      onSignedIn();
    } catch (err) {
      error.textContent = err instanceof Problem ? err.title : 'The API cannot be reached';
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  return h('section', {class: 'page sign-in'}, form);
}
