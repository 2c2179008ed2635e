// A JSON editor for a job spec, prefilled from a template; the API's field errors are shown at their lines.

import {postJson, Problem} from '../api.js';
import {facts, h, replace} from '../dom.js';
import {num, si} from '../format.js';
import {loadTemplates, TEMPLATE_TYPES} from '../templates.js';

/** Where a field path (model.architecture, quantization.allocations[0].weightBits) is in the text: its key. */
export function locate(text, path) {
  let from = 0;
  let found = null;
  for (const segment of path.split(/\.|\[\d+\]/).filter(Boolean)) {
    const re = new RegExp('"' + segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '"\\s*:', 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) break;
    found = {start: m.index, end: m.index + segment.length + 2};
    from = re.lastIndex;
  }
  if (!found) return null;
  return {...found, line: text.slice(0, found.start).split('\n').length};
}

export function newJobPage(params, signal) {
  const typeParam = TEMPLATE_TYPES.includes(params.get('type')) ? params.get('type') : 'slt';
  const editor = h('textarea', {id: 'spec-editor', name: 'spec', spellcheck: 'false', autocomplete: 'off', wrap: 'off',
    'aria-describedby': 'spec-help spec-problem', 'data-autofocus': true, rows: 24});
  const gutter = h('div', {class: 'gutter', 'aria-hidden': 'true'});
  const problemEl = h('div', {id: 'spec-problem', 'aria-live': 'assertive'});
  const estimateEl = h('div', {id: 'estimate', 'aria-live': 'polite'});
  const template = h('select', {id: 'template'}, TEMPLATE_TYPES.map((t) => h('option', {value: t, selected: t === typeParam}, t)));
  const submit = h('button', {type: 'submit', class: 'primary', id: 'submit-job'}, 'Submit');
  const estimate = h('button', {type: 'button', id: 'estimate-job'}, 'Estimate cost');
  const format = h('button', {type: 'button', id: 'format-spec'}, 'Format');
  let errorLines = new Map();
  let idempotencyKey = crypto.randomUUID();

  function drawGutter() {
    const count = editor.value.split('\n').length;
    const lines = [];
    for (let i = 1; i <= count; i++) {
      const messages = errorLines.get(i);
      lines.push(h('div', {class: messages ? 'err' : null, title: messages ? messages.join('\n') : null}, messages ? '● ' + i : String(i)));
    }
    replace(gutter, lines);
    gutter.scrollTop = editor.scrollTop;
  }

  async function load(type) {
    try {
      const templates = await loadTemplates();
      editor.value = JSON.stringify(templates[type], null, 2);
      clearProblem();
    } catch {
      replace(problemEl, h('p', {class: 'problem', role: 'alert'}, 'The templates could not be loaded; write the spec by hand'));
    }
  }

  function clearProblem() {
    errorLines = new Map();
    replace(problemEl);
    editor.removeAttribute('aria-invalid');
    drawGutter();
  }

  function select(where) {
    editor.focus();
    editor.setSelectionRange(where.start, where.end);
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (where.line - 3) * lineHeight);
  }

  /** The problem's title and detail, and each field error as an item that points at its line in the editor. */
  function showProblem(e) {
    const text = editor.value;
    errorLines = new Map();
    const items = (e.errors || []).map((err) => {
      const where = locate(text, err.field);
      if (where) errorLines.set(where.line, [...(errorLines.get(where.line) || []), err.field + ': ' + err.message]);
      const go = where ? h('button', {type: 'button', class: 'link'}, 'line ' + where.line) : null;
      if (go) go.addEventListener('click', () => select(where));
      return h('li', {'data-field': err.field, class: 'field-error'},
        h('code', {class: 'field'}, err.field), ' ', h('span', {class: 'message'}, err.message), where ? [' (', go, ')'] : null);
    });
    const at = /line (\d+), column (\d+)/.exec(e.detail || '');
    if (at) errorLines.set(Number(at[1]), [e.detail]);
    replace(problemEl, h('div', {class: 'problem box', role: 'alert'},
      h('strong', {class: 'problem-title'}, e.title),
      e.detail ? h('p', {class: 'problem-detail'}, e.detail) : null,
      items.length ? h('ul', {class: 'field-errors'}, items) : null));
    editor.setAttribute('aria-invalid', 'true');
    drawGutter();
  }

  function parsed() {
    try {
      return JSON.parse(editor.value);
    } catch (err) {
      return null;
    }
  }

  /** The estimate request for the spec in the editor: its model and dataset, and its first W/S/T. */
  function estimateBody(spec) {
    const model = {architecture: spec.model && spec.model.architecture};
    const dataset = {name: spec.dataset && spec.dataset.name};
    if (spec.dataset && spec.dataset.resize) dataset.resize = spec.dataset.resize;
    const body = {model, dataset};
    const allocation = spec.quantization && Array.isArray(spec.quantization.allocations) ? spec.quantization.allocations[0] : null;
    if (allocation) {
      model.timesteps = allocation.timesteps;
      body.weightBits = allocation.weightBits;
      body.spikeBits = allocation.spikeBits;
    } else if (spec.model && spec.model.timesteps) {
      model.timesteps = spec.model.timesteps;
    }
    return body;
  }

  template.addEventListener('change', () => load(template.value));
  editor.addEventListener('input', () => {
    idempotencyKey = crypto.randomUUID();
    if (errorLines.size) {
      errorLines = new Map();
      editor.removeAttribute('aria-invalid');
    }
    drawGutter();
  });
  editor.addEventListener('scroll', () => {
    gutter.scrollTop = editor.scrollTop;
  });
  editor.addEventListener('keydown', (e) => {
    // Tab indents inside the editor; Escape then Tab leaves it, as keyboard users expect
    if (e.key === 'Tab' && !e.shiftKey && !editor.dataset.escaped) {
      e.preventDefault();
      editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
      drawGutter();
    } else if (e.key === 'Escape') {
      editor.dataset.escaped = 'true';
    } else {
      delete editor.dataset.escaped;
    }
  });
  format.addEventListener('click', () => {
    const spec = parsed();
    if (spec) {
      editor.value = JSON.stringify(spec, null, 2);
      clearProblem();
    } else {
      showProblem(new Problem(400, {title: 'Not valid JSON', detail: 'Fix the syntax before formatting'}));
    }
  });
  estimate.addEventListener('click', async () => {
    const spec = parsed();
    if (!spec) {
      showProblem(new Problem(400, {title: 'Not valid JSON', detail: 'The estimate needs the spec as JSON'}));
      return;
    }
    estimate.disabled = true;
    try {
      const r = await postJson('/api/v1/estimates', estimateBody(spec), {signal});
      clearProblem();
      const e = r.energy || {};
      const effort = r.effort || {};
      replace(estimateEl, h('div', {class: 'card estimate'}, h('h2', {}, 'Estimate: ' + r.architecture),
        facts([
          ['Parameters', num(r.parameters)],
          ['MACs per timestep', si(r.macs)],
          ['ANN energy per image', typeof e.annEnergyMj === 'number' ? num(e.annEnergyMj) + ' mJ' : null],
          ['SNN energy per image (dense spikes)', typeof e.snnEnergyMj === 'number' ? num(e.snnEnergyMj) + ' mJ' : null],
          ['S-ACE', si(effort.sAce)],
          ['NS-ACE', si(effort.nsAce)],
          ['Parameter bits', si(effort.parameterBits)],
          ['Energy basis', e.basis ? e.basis.macEnergyPj + ' pJ per MAC, ' + e.basis.acEnergyPj + ' pJ per AC (' + e.basis.processNode + ')' : null],
        ]),
        h('p', {class: 'help'}, 'Without measured firing rates every spike is counted: an upper bound. Nothing has run.')));
    } catch (err) {
      if (err instanceof Problem) showProblem(err);
      else replace(problemEl, h('p', {class: 'problem'}, 'The API cannot be reached'));
    } finally {
      estimate.disabled = false;
    }
  });

  const form = h('form', {class: 'editor-form', novalidate: true},
    h('div', {class: 'toolbar'}, h('label', {for: 'template'}, 'Template '), template, format, estimate, submit),
    h('label', {for: 'spec-editor', class: 'sr-only'}, 'Job spec (JSON)'),
    h('div', {class: 'editor'}, gutter, editor),
    h('p', {class: 'help', id: 'spec-help'},
      'JSON; unknown fields are refused and absent ones take their defaults (see the README\'s "Job specs"). ',
      'Tab indents; press Escape, then Tab, to leave the editor.'),
    problemEl);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      const job = await postJson('/api/v1/jobs', editor.value, {signal, headers: {'Idempotency-Key': idempotencyKey}});
      location.hash = '#/jobs?submitted=' + encodeURIComponent(job.id);
    } catch (err) {
      if (err instanceof Problem) showProblem(err);
      else if (!signal.aborted) replace(problemEl, h('p', {class: 'problem', role: 'alert'}, 'The API cannot be reached'));
    } finally {
      submit.disabled = false;
    }
  });

  load(typeParam);
  return h('section', {class: 'page new-job'}, h('h1', {}, 'New job'), form, estimateEl);
}
