// The tenant's jobs, newest first, filtered and paged; unfinished rows follow their job's events live.

import {follow, getJson} from '../api.js';
import {h, replace} from '../dom.js';
import {accuracyOf, duration, isTerminal, percent, time, wallSeconds} from '../format.js';
import {cancelButton, chip, problemBox, progressBar} from './common.js';

const STATUSES = ['QUEUED', 'RUNNING', 'CANCELLING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const TYPES = ['slt', 'qsnn', 'imp'];
const PAGE_SIZE = 20;
// browsers open about six connections per origin: a few streams leave room for the page's other requests
const MAX_STREAMS = 4;
const POLL_MS = 5000;

export function jobsPage(params, signal) {
  const state = {
    status: params.get('status') || '', type: params.get('type') || '', page: Number(params.get('page') || 0) || 0,
  };
  const body = h('tbody', {});
  const summary = h('p', {class: 'muted', 'aria-live': 'polite'});
  const error = h('div', {});
  const rows = new Map(); // id → {tr, job}
  const streams = new Map(); // id → AbortController
  let pollTimer = null;

  const select = (id, label, values, value) => {
    const el = h('select', {id, name: id},
      h('option', {value: ''}, 'all'), values.map((v) => h('option', {value: v, selected: v === value}, v.toLowerCase())));
    el.addEventListener('change', () => {
      state[id.replace('filter-', '')] = el.value;
      state.page = 0;
      syncHash();
    });
    return h('label', {class: 'filter'}, label, ' ', el);
  };
  const prev = h('button', {type: 'button', id: 'page-prev'}, '← Newer');
  const next = h('button', {type: 'button', id: 'page-next'}, 'Older →');
  prev.addEventListener('click', () => {
    state.page = Math.max(0, state.page - 1);
    syncHash();
  });
  next.addEventListener('click', () => {
    state.page += 1;
    syncHash();
  });

  function syncHash() {
    const q = new URLSearchParams();
    if (state.status) q.set('status', state.status);
    if (state.type) q.set('type', state.type);
    if (state.page) q.set('page', state.page);
    // the address keeps the filters (for bookmarks) without re-rendering the page, so focus stays put
    history.replaceState(null, '', '#/jobs' + (q.toString() ? '?' + q : ''));
    clearTimeout(pollTimer);
    load();
  }

  function row(job) {
    const acc = accuracyOf(job);
    const tr = h('tr', {'data-job-id': job.id, 'data-status': job.status},
      h('td', {}, h('a', {href: '#/jobs/' + encodeURIComponent(job.id), class: 'job-link'}, job.name)),
      h('td', {}, job.type),
      h('td', {class: 'status'}, chip(job.status)),
      h('td', {}, progressBar(job)),
      h('td', {class: 'num accuracy'}, acc === null ? '—' : percent(acc, 2)),
      h('td', {class: 'num'}, duration(wallSeconds(job))),
      h('td', {}, time(job.createdAt)),
      h('td', {}, cancelButton(job, update)));
    return tr;
  }

  function update(job) {
    const existing = rows.get(job.id);
    if (!existing) return;
    const tr = row(job);
    existing.tr.replaceWith(tr);
    rows.set(job.id, {tr, job});
    if (isTerminal(job.status)) stopStream(job.id);
  }

  function stopStream(id) {
    const c = streams.get(id);
    if (c) {
      c.abort();
      streams.delete(id);
    }
  }

  function startStreams() {
    for (const [id, {job}] of rows) {
      if (streams.size >= MAX_STREAMS) break;
      if (isTerminal(job.status) || streams.has(id)) continue;
      const c = new AbortController();
      signal.addEventListener('abort', () => c.abort(), {once: true});
      streams.set(id, c);
      follow(id, update, c.signal).catch(() => {}).finally(() => {
        if (streams.get(id) === c) streams.delete(id);
        if (!signal.aborted) startStreams();
      });
    }
  }

  let generation = 0; // only the latest listing applies and schedules the next

  async function load() {
    const mine = ++generation;
    try {
      const q = new URLSearchParams({page: state.page, size: PAGE_SIZE});
      if (state.status) q.set('status', state.status);
      if (state.type) q.set('type', state.type);
      const page = await getJson('/api/v1/jobs?' + q, {signal});
      if (mine !== generation) return;
      replace(error);
      const seen = new Set();
      const trs = page.items.map((job) => {
        seen.add(job.id);
        const known = rows.get(job.id);
        // a streamed row is at least as fresh as the listing
        const fresh = known && streams.has(job.id) ? known.job : job;
        // an unchanged row keeps its element, so focus and hover stay where they are
        if (known && JSON.stringify(known.job) === JSON.stringify(fresh)) return known.tr;
        const tr = row(fresh);
        rows.set(job.id, {tr, job: fresh});
        return tr;
      });
      for (const id of [...rows.keys()]) {
        if (!seen.has(id)) {
          rows.delete(id);
          stopStream(id);
        }
      }
      replace(body, trs.length ? trs : h('tr', {}, h('td', {colspan: 8, class: 'muted'}, 'No jobs match.')));
      summary.textContent = page.totalItems + ' job' + (page.totalItems === 1 ? '' : 's')
        + (page.totalPages > 1 ? ', page ' + (page.page + 1) + ' of ' + page.totalPages : '');
      prev.disabled = state.page === 0;
      next.disabled = page.page + 1 >= page.totalPages;
      startStreams();
    } catch (e) {
      if (mine !== generation) return;
      if (!signal.aborted) replace(error, problemBox(e));
    }
    // jobs submitted elsewhere, and unfinished rows beyond the streamed ones, come with the next listing
    if (!signal.aborted) pollTimer = setTimeout(load, POLL_MS);
  }

  signal.addEventListener('abort', () => clearTimeout(pollTimer), {once: true});
  load();

  return h('section', {class: 'page jobs'},
    h('div', {class: 'page-head'}, h('h1', {}, 'Jobs'), h('a', {href: '#/new', class: 'button primary'}, 'New job')),
    h('div', {class: 'filters'},
      select('filter-status', 'Status', STATUSES, state.status),
      select('filter-type', 'Type', TYPES, state.type),
      summary),
    params.get('submitted')
      ? h('p', {class: 'notice', role: 'status'}, 'Job submitted; its row follows it live.')
      : null,
    error,
    h('div', {class: 'table-wrap'},
      h('table', {class: 'jobs-table'},
        h('thead', {}, h('tr', {}, ['Name', 'Type', 'Status', 'Progress', 'Accuracy', 'Wall time', 'Created', '']
          .map((x) => h('th', {scope: 'col'}, x)))),
        body)),
    h('div', {class: 'pager'}, prev, next));
}
