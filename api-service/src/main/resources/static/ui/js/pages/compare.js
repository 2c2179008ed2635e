// Overlaid curves of several jobs of one type: accuracy vs ratio (slt), vs S-ACE (qsnn), vs sparsity per round (imp).

import {getJson} from '../api.js';
import {h, replace} from '../dom.js';
import {percent, seedOf, time} from '../format.js';
import {lineChart} from '../plot.js';
import {accuracyVsRatio, accuracyVsSace, accuracyVsSparsity} from '../results.js';
import {problemBox} from './common.js';

const CHARTS = {
  slt: {id: 'chart-ratio', title: 'Accuracy vs prune ratio', xLabel: 'prune ratio (removed)', points: (r) => accuracyVsRatio(r)},
  qsnn: {id: 'chart-sace', title: 'Accuracy vs S-ACE', xLabel: 'S-ACE (bit-operations per sample)', logX: true,
    points: (r) => accuracyVsSace(r).points, highlight: (r) => accuracyVsSace(r).frontier},
  imp: {id: 'chart-sparsity', title: 'Accuracy vs sparsity per round', xLabel: 'sparsity', points: (r) => accuracyVsSparsity(r)},
};

export function comparePage(params, signal) {
  const state = {type: CHARTS[params.get('type')] ? params.get('type') : 'slt',
    ids: new Set((params.get('ids') || '').split(',').filter(Boolean))};
  const listEl = h('fieldset', {class: 'pick'});
  const chartEl = h('div', {});
  const errorEl = h('div', {});
  let jobs = [];

  const typeSelect = h('select', {id: 'compare-type'}, Object.keys(CHARTS).map((t) => h('option', {value: t, selected: t === state.type}, t)));
  typeSelect.addEventListener('change', () => {
    state.type = typeSelect.value;
    state.ids.clear();
    load();
  });

  function label(job) {
    const seed = seedOf(job);
    return job.name + (seed === null ? '' : ' (seed ' + seed + ')');
  }

  function draw() {
    const def = CHARTS[state.type];
    const chosen = jobs.filter((j) => state.ids.has(j.id));
    const chart = lineChart({id: def.id, title: def.title, xLabel: def.xLabel, logX: def.logX, yLabel: 'accuracy',
      yFormat: (y) => percent(y, 2),
      series: chosen.map((j) => ({label: label(j), points: def.points(j.result), markers: true,
        highlight: def.highlight ? def.highlight(j.result) : []}))});
    replace(chartEl, chosen.length ? chart.el : h('p', {class: 'muted'}, 'Pick two or more jobs to overlay their curves.'));
    const q = new URLSearchParams({type: state.type});
    if (state.ids.size) q.set('ids', [...state.ids].join(','));
    history.replaceState(null, '', '#/compare?' + q);
  }

  async function load() {
    try {
      const page = await getJson('/api/v1/jobs?status=SUCCEEDED&size=100&type=' + encodeURIComponent(state.type), {signal});
      jobs = page.items;
      replace(errorEl);
    } catch (e) {
      if (!signal.aborted) replace(errorEl, problemBox(e));
      return;
    }
    replace(listEl, h('legend', {}, 'Succeeded ' + state.type + ' jobs (newest 100)'),
      jobs.length ? jobs.map((job) => {
        const box = h('input', {type: 'checkbox', id: 'pick-' + job.id, value: job.id, checked: state.ids.has(job.id), 'data-job-id': job.id});
        box.addEventListener('change', () => {
          if (box.checked) state.ids.add(job.id);
          else state.ids.delete(job.id);
          draw();
        });
        return h('div', {class: 'pick-row'}, box, ' ', h('label', {for: 'pick-' + job.id}, label(job)), ' ',
          h('span', {class: 'muted'}, time(job.finishedAt)));
      }) : h('p', {class: 'muted'}, 'No succeeded jobs of this type yet.'));
    draw();
  }

  load();
  return h('section', {class: 'page compare'},
    h('h1', {}, 'Compare'),
    h('label', {class: 'filter'}, 'Job type ', typeSelect),
    errorEl,
    h('div', {class: 'compare-grid'}, listEl, h('div', {class: 'card'}, chartEl)));
}
