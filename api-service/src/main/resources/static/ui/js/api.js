// The API client: the key lives in sessionStorage only and travels as the bearer header, never in a URL.

const KEY = 'spikelot.apiKey';

export const session = {
  key() {
    return sessionStorage.getItem(KEY);
  },
  signIn(key) {
    sessionStorage.setItem(KEY, key);
  },
  signOut() {
    sessionStorage.removeItem(KEY);
  },
};

/** A refusal of the API: its problem+json (title, detail, errors[{field, message}]) and the HTTP status. */
export class Problem extends Error {
  constructor(status, body) {
    const title = (body && typeof body.title === 'string' && body.title) || 'HTTP ' + status;
    super(title);
    this.status = status;
    this.title = title;
    this.detail = body && typeof body.detail === 'string' ? body.detail : '';
    this.type = body && typeof body.type === 'string' ? body.type : '';
    this.errors = body && Array.isArray(body.errors)
      ? body.errors.filter((e) => e && typeof e.field === 'string').map((e) => ({field: e.field, message: String(e.message)}))
      : [];
  }
}

const listeners = new Set();

/** Called with no arguments whenever the API says the key is not (or no longer) valid. */
export function onUnauthorized(listener) {
  listeners.add(listener);
}

/** A request with the bearer header; resolves to the Response when 2xx, else rejects with a Problem. */
export async function request(path, {method = 'GET', body, headers = {}, signal, key = session.key()} = {}) {
  const all = {Accept: 'application/json, application/problem+json', ...headers};
  if (key) all.Authorization = 'Bearer ' + key;
  if (body !== undefined) all['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers: all, body, signal, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
  });
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // not JSON: the status alone
    }
    if (response.status === 401 && key === session.key()) listeners.forEach((l) => l());
    throw new Problem(response.status, problem);
  }
  return response;
}

export async function getJson(path, options) {
  return (await request(path, options)).json();
}

export async function postJson(path, value, options = {}) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (await request(path, {...options, method: 'POST', body: text})).json();
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/**
 * Follows a job's server-sent events with fetch (EventSource cannot send the bearer header), calling onJob with
 * each 'job' event's job. Reconnects after a dropped connection until the job is terminal or signal aborts; the
 * first event of every connection is the job as it is now, so nothing is missed.
 */
export async function follow(jobId, onJob, signal) {
  let delay = 1000;
  while (!signal.aborted) {
    let last = null;
    try {
      const response = await request('/api/v1/jobs/' + encodeURIComponent(jobId) + '/events', {
        headers: {Accept: 'text/event-stream'}, signal,
      });
      for await (const event of events(response.body, signal)) {
        if (event.event === 'job') {
          last = JSON.parse(event.data);
          delay = 1000;
          onJob(last);
        }
      }
    } catch (e) {
      if (signal.aborted) return;
      if (e instanceof Problem && e.status >= 400 && e.status < 500) throw e;
    }
    if (last && TERMINAL.has(last.status)) return;
    await sleep(delay, signal);
    delay = Math.min(delay * 2, 15000);
  }
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, {once: true});
  });
}

/** Parses a text/event-stream body into {event, data, id} records. */
async function* events(body, signal) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  signal.addEventListener('abort', () => reader.cancel().catch(() => {}), {once: true});
  let buffer = '';
  let event = {event: 'message', data: [], id: null};
  try {
    for (;;) {
      const {value, done} = await reader.read();
      if (done) return;
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (event.data.length) yield {event: event.event, data: event.data.join('\n'), id: event.id};
          event = {event: 'message', data: [], id: null};
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let value = colon < 0 ? '' : line.slice(colon + 1);
          if (value.startsWith(' ')) value = value.slice(1);
          if (field === 'event') event.event = value;
          else if (field === 'data') event.data.push(value);
          else if (field === 'id') event.id = value;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Downloads an artifact with the key; returns its bytes and whether their SHA-256 matches the expected one. */
export async function download(jobId, artifact) {
  const response = await request(
    '/api/v1/jobs/' + encodeURIComponent(jobId) + '/artifacts/' + encodeURIComponent(artifact.name),
    {headers: {Accept: '*/*'}});
  const data = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return {data, sha256, verified: sha256 === artifact.sha256};
}
