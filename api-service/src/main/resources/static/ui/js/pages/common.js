import {postJson, Problem} from '../api.js';
import {h} from '../dom.js';
import {isTerminal, percent} from '../format.js';

export function chip(status) {
  return h('span', {class: 'chip chip-' + String(status).toLowerCase(), 'data-status': status}, status);
}

export function progressBar(job) {
  const p = job.progress;
  const fraction = job.status === 'SUCCEEDED' ? 1 : p && typeof p.fraction === 'number' ? p.fraction : 0;
  return h('div', {class: 'progress-cell'},
    h('progress', {max: 1, value: fraction, 'aria-label': 'Progress ' + percent(fraction, 0)}),
    h('span', {class: 'progress-text'}, percent(fraction, 0)));
}

/** A cancel button for a job that can still be cancelled; reports a refusal's title next to it. */
export function cancelButton(job, onDone) {
  if (isTerminal(job.status) || job.status === 'CANCELLING') return null;
  const button = h('button', {type: 'button', class: 'small danger', 'aria-label': 'Cancel job ' + job.name}, 'Cancel');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      onDone(await postJson('/api/v1/jobs/' + encodeURIComponent(job.id) + '/cancel', ''));
    } catch (e) {
      button.disabled = false;
      button.after(h('span', {class: 'problem inline', role: 'alert'}, e instanceof Problem ? e.title : String(e)));
    }
  });
  return button;
}

/** A page-level message for a failed load. */
export function problemBox(e) {
  return h('div', {class: 'problem box', role: 'alert'},
    h('strong', {}, e instanceof Problem ? e.title : 'The API cannot be reached'),
    e instanceof Problem && e.detail ? h('p', {}, e.detail) : null);
}
