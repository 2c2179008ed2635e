// One job: spec, status timeline, progress, live charts, result tables, plots and artifacts.

import {download, follow, getJson, request} from '../api.js';
import {facts, h, replace, table} from '../dom.js';
import {bytes, duration, isTerminal, percent, time, wallSeconds} from '../format.js';
import {lineChart} from '../plot.js';
import {resultParts} from '../results.js';
import {cancelButton, chip, problemBox, progressBar} from './common.js';

const GROUP_COLUMNS = ['allocation', 'round', 'pruneRatio', 'network'];

/** history.csv as objects: numbers where a cell parses as one. */
function parseCsv(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!lines.length) return [];
  const split = (line) => {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    return cells;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((line) => {
    const cells = split(line);
    const row = {};
    header.forEach((name, i) => {
      const v = cells[i];
      row[name] = v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
    });
    return row;
  });
}

/** Per-epoch series from history.csv rows, one per run (ratio and network, allocation, round). */
function historySeries(rows, column, suffix = '') {
  const groups = new Map();
  for (const row of rows) {
    const key = GROUP_COLUMNS.filter((c) => c in row).map((c) => (c === 'pruneRatio' ? 'p=' + row[c] : String(row[c]))).join(' ');
    if (!groups.has(key)) groups.set(key, []);
    if (typeof row[column] === 'number') groups.get(key).push([row.epoch, row[column]]);
  }
  return [...groups].map(([key, points]) => ({label: (key || 'run') + suffix, points}));
}

export function jobPage(id, signal) {
  const headEl = h('div', {class: 'page-head'});
  const statusEl = h('section', {class: 'card', 'aria-labelledby': 'status-title'});
  const resultEl = h('section', {class: 'card', id: 'result', 'aria-labelledby': 'result-title'});
  const plotsEl = h('div', {class: 'plots', id: 'plots'});
  const artifactsEl = h('div', {id: 'artifacts'});
  const specEl = h('pre', {class: 'spec', id: 'spec'});
  const errorEl = h('div', {});
  const lossChart = lineChart({id: 'chart-loss', title: 'Loss', xLabel: 'epoch', yLabel: 'loss'});
  const accChart = lineChart({id: 'chart-accuracy', title: 'Accuracy', xLabel: 'epoch', yLabel: 'accuracy', yMin: 0, yMax: 1,
    yFormat: (y) => percent(y, 2)});
  const chartNote = h('p', {class: 'help'});
  const live = {loss: [], trainAcc: [], testAcc: []};
  const attempts = []; // what the stream showed: {attempt, status, at}
  let job = null;
  let artifactsLoaded = false;
  const objectUrls = [];
  signal.addEventListener('abort', () => objectUrls.forEach((u) => URL.revokeObjectURL(u)), {once: true});

  function record(j) {
    const last = attempts[attempts.length - 1];
    if (!last || last.attempt !== j.attempt || last.status !== j.status) {
      attempts.push({attempt: j.attempt, status: j.status, at: new Date()});
    }
    const p = j.progress;
    if (p && p.metrics && typeof p.fraction === 'number') {
      const x = p.totalEpochs > 0 ? p.fraction * p.totalEpochs : p.fraction;
      const add = (list, y) => {
        if (typeof y === 'number' && !list.some(([px, py]) => px === x && py === y)) list.push([x, y]);
      };
      add(live.loss, p.metrics.loss);
      if (typeof p.metrics.testAccuracy === 'number') add(live.testAcc, p.metrics.testAccuracy);
      else add(live.trainAcc, p.metrics.accuracy);
    }
  }

  function drawLive() {
    if (artifactsLoaded && job && isTerminal(job.status)) return;
    lossChart.update([{label: 'training loss', points: live.loss}]);
    accChart.update([{label: 'train (batch)', points: live.trainAcc, dashed: true},
      {label: 'test (epoch)', points: live.testAcc, markers: true}]);
    chartNote.textContent = 'Live from the job\'s events; x is the epoch, with fractions inside an epoch.';
  }

  function renderHead() {
    replace(headEl,
      h('div', {}, h('h1', {}, job.name), h('p', {class: 'muted'}, job.type + ' · ', h('code', {}, job.id))),
      h('div', {class: 'actions'}, chip(job.status), cancelButton(job, (j) => update(j)),
        isTerminal(job.status) && job.status === 'SUCCEEDED'
          ? h('a', {class: 'button', href: '#/compare?type=' + encodeURIComponent(job.type) + '&ids=' + encodeURIComponent(job.id)}, 'Compare…')
          : null));
  }

  function renderStatus() {
    const p = job.progress || {};
    const stepMatch = typeof p.message === 'string' ? /step (\d+)\/(\d+)/.exec(p.message) : null;
    const roundMatch = typeof p.message === 'string' ? /round (\d+)(?:\/(\d+))?/i.exec(p.message) : null;
    const timeline = [
      h('li', {}, h('strong', {}, 'Submitted'), ' ', time(job.createdAt)),
      job.startedAt ? h('li', {}, h('strong', {}, 'Started'), ' ', time(job.startedAt)) : null,
      ...attempts.filter((a, i) => i > 0 && a.attempt !== attempts[i - 1].attempt).map((a) =>
        h('li', {class: 'retry'}, h('strong', {}, 'Attempt ' + a.attempt), ' ', a.status.toLowerCase(), ' at ', a.at.toLocaleTimeString())),
      job.finishedAt ? h('li', {}, h('strong', {}, job.status.charAt(0) + job.status.slice(1).toLowerCase()), ' ', time(job.finishedAt)) : null,
    ];
    replace(statusEl,
      h('h2', {id: 'status-title'}, 'Status'),
      h('div', {class: 'status-row'}, chip(job.status), progressBar(job)),
      facts([
        ['Attempt', job.attempt + ' of ' + job.maxAttempts + (job.attempt > 1 ? ' (retried)' : '')],
        ['Round', roundMatch ? roundMatch[1] + (roundMatch[2] ? ' of ' + roundMatch[2] : '') : null],
        ['Epoch', p.totalEpochs ? p.epoch + ' of ' + p.totalEpochs : null],
        ['Step', stepMatch ? stepMatch[1] + ' of ' + stepMatch[2] : null],
        ['Latest', p.message],
        ['Wall time', duration(wallSeconds(job))],
        ['Resources', job.resourceClass],
      ]),
      h('ol', {class: 'timeline', 'aria-label': 'Status timeline'}, timeline),
      job.error ? h('div', {class: 'problem box', id: 'job-error', role: 'status'},
        h('strong', {}, 'Error ', h('code', {class: 'error-code'}, job.error.code)),
        h('p', {class: 'error-message'}, job.error.message)) : null);
  }

  function renderResult() {
    const parts = resultParts(job);
    replace(resultEl, h('h2', {id: 'result-title'}, 'Result'),
      parts.length ? parts : h('p', {class: 'muted'}, isTerminal(job.status) ? 'No result.' : 'The result appears when the job succeeds.'));
  }

  async function loadArtifacts() {
    if (artifactsLoaded) return;
    artifactsLoaded = true;
    let list;
    try {
      list = await getJson('/api/v1/jobs/' + encodeURIComponent(id) + '/artifacts', {signal});
    } catch (e) {
      if (!signal.aborted) replace(artifactsEl, problemBox(e));
      return;
    }
    renderArtifacts(list);
    const svgs = list.filter((a) => a.name.endsWith('.svg'));
    replace(plotsEl, svgs.length ? null : h('p', {class: 'muted'}, 'This job made no plots.'));
    for (const artifact of svgs) {
      try {
        const {data} = await download(id, artifact);
        // shown as an image: a script inside an SVG never runs there
        const url = URL.createObjectURL(new Blob([data], {type: 'image/svg+xml'}));
        objectUrls.push(url);
        plotsEl.appendChild(h('figure', {class: 'plot'}, h('img', {src: url, alt: 'Plot ' + artifact.name}), h('figcaption', {}, artifact.name)));
      } catch {
        plotsEl.appendChild(h('p', {class: 'problem'}, 'Could not load ' + artifact.name));
      }
    }
    const history = list.find((a) => a.name === 'history.csv');
    if (history) {
      try {
        const text = await (await request('/api/v1/jobs/' + encodeURIComponent(id) + '/artifacts/history.csv', {signal})).text();
        const rows = parseCsv(text);
        if (rows.length) {
          lossChart.update(historySeries(rows, 'loss'));
          accChart.update([...historySeries(rows, 'testAccuracy', ', test'),
            ...historySeries(rows, 'trainAccuracy', ', train').map((x) => ({...x, dashed: true}))]);
          chartNote.textContent = 'Per epoch, from history.csv.';
        }
      } catch {
        // the live points stay
      }
    }
  }

  function renderArtifacts(list) {
    const rows = list.map((a) => {
      const state = h('span', {class: 'verify', 'aria-live': 'polite'});
      const button = h('button', {type: 'button', class: 'small', 'data-artifact': a.name, 'aria-label': 'Download ' + a.name}, 'Download');
      button.addEventListener('click', async () => {
        button.disabled = true;
        state.textContent = 'downloading…';
        try {
          const {data, sha256, verified} = await download(id, a);
          state.textContent = verified ? 'SHA-256 verified' : 'SHA-256 mismatch: got ' + sha256;
          state.className = verified ? 'verify ok' : 'verify bad';
          const url = URL.createObjectURL(new Blob([data], {type: a.contentType || 'application/octet-stream'}));
          const link = h('a', {href: url, download: a.name, hidden: true});
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60000);
        } catch (e) {
          state.textContent = e.title || 'download failed';
          state.className = 'verify bad';
        } finally {
          button.disabled = false;
        }
      });
      return {attrs: {'data-artifact': a.name}, cells: [h('code', {}, a.name), {value: bytes(a.size), class: 'num'},
        h('code', {class: 'sha'}, a.sha256), h('span', {}, button, ' ', state)]};
    });
    replace(artifactsEl,
      list.length ? table(['Name', 'Size', 'SHA-256', ''], rows, {id: 'artifact-table'}) : h('p', {class: 'muted'}, 'No artifacts.'),
      list.length ? snippet(list) : null);
  }

  function snippet(list) {
    const names = list.map((a) => a.name);
    const files = names.filter((n) => /\.(safetensors|json|nir)$/.test(n));
    const lines = [
      '# pip install requests safetensors numpy',
      'import json, os, requests',
      'from safetensors.numpy import load_file',
      '',
      `API = ${JSON.stringify(location.origin)}`,
      `JOB = ${JSON.stringify(id)}`,
      'headers = {"Authorization": "Bearer " + os.environ["SPIKELOT_API_KEY"]}',
      `for name in ${JSON.stringify(files.length ? files : names)}:`,
      '    r = requests.get(f"{API}/api/v1/jobs/{JOB}/artifacts/{name}", headers=headers)',
      '    r.raise_for_status()',
      '    open(name, "wb").write(r.content)',
      '',
    ];
    if (names.includes('mask.safetensors')) {
      lines.push('masks = load_file("mask.safetensors")        # {"conv1.weight": bool array, ...}');
      lines.push('for name, keep in masks.items():');
      lines.push('    print(name, keep.shape, f"kept {keep.mean():.2%}")');
    }
    if (job && job.type === 'qsnn' && names.includes('model.safetensors')) {
      lines.push('import numpy as np');
      lines.push('t = load_file("model.safetensors")');
      lines.push('weights = {n: c.astype(np.float32) * t[n + "_scale"] for n, c in t.items() if n + "_scale" in t}');
    } else if (names.includes('model.safetensors')) {
      lines.push('weights = load_file("model.safetensors")     # effective weights, already masked');
    }
    if (names.includes('result.json')) lines.push('result = json.load(open("result.json"))');
    if (names.includes('model.nir')) {
      lines.push('# the spiking network in NIR, for neuromorphic tools: pip install nir');
      lines.push('# import nir; graph = nir.read("model.nir")');
    }
    const code = lines.join('\n');
    const copy = h('button', {type: 'button', class: 'small'}, 'Copy');
    const copied = h('span', {class: 'muted', 'aria-live': 'polite'});
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(code);
        copied.textContent = 'copied';
      } catch {
        copied.textContent = 'select the text and copy it';
      }
    });
    return h('div', {class: 'snippet'},
      h('div', {class: 'snippet-head'}, h('h3', {}, 'Load them in Python'), copy, copied),
      h('p', {class: 'help'}, 'Set SPIKELOT_API_KEY in your environment; the key is never part of the code.'),
      h('pre', {id: 'python-snippet'}, h('code', {}, code)));
  }

  function update(j) {
    job = j;
    record(j);
    renderHead();
    renderStatus();
    renderResult();
    replace(specEl, JSON.stringify(j.spec, null, 2));
    drawLive();
    if (j.status === 'SUCCEEDED' || (isTerminal(j.status) && !artifactsLoaded)) loadArtifacts();
  }

  (async () => {
    try {
      update(await getJson('/api/v1/jobs/' + encodeURIComponent(id), {signal}));
      if (!isTerminal(job.status)) await follow(id, update, signal);
    } catch (e) {
      if (!signal.aborted) replace(errorEl, problemBox(e));
    }
  })();

  return h('section', {class: 'page job'},
    h('p', {class: 'crumbs'}, h('a', {href: '#/jobs'}, '← Jobs')),
    headEl, errorEl, statusEl,
    h('section', {class: 'card', 'aria-labelledby': 'charts-title'},
      h('h2', {id: 'charts-title'}, 'Training'), h('div', {class: 'charts'}, lossChart.el, accChart.el), chartNote),
    resultEl,
    h('section', {class: 'card', 'aria-labelledby': 'plots-title'}, h('h2', {id: 'plots-title'}, 'Plots'), plotsEl),
    h('section', {class: 'card', 'aria-labelledby': 'artifacts-title'}, h('h2', {id: 'artifacts-title'}, 'Artifacts'), artifactsEl),
    h('section', {class: 'card', 'aria-labelledby': 'spec-title'}, h('h2', {id: 'spec-title'}, 'Spec'),
      h('p', {class: 'help'}, 'As validated, with every default filled in.'), specEl));
}
