// The result of a job as tables, and its curves as chart series; shared by the job and compare pages.

import {facts, h, table} from './dom.js';
import {duration, num, percent, si} from './format.js';

function isObject(x) {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function scalar(x) {
  if (typeof x === 'number') return num(x);
  if (typeof x === 'boolean') return x ? 'yes' : 'no';
  if (x === null || x === undefined) return '—';
  return typeof x === 'object' ? JSON.stringify(x) : String(x);
}

function section(title, ...children) {
  return h('section', {class: 'result-part'}, h('h3', {}, title), children);
}

/** Per-layer figures as one table: a row per layer, a column per map. */
function layerTable(id, columns) {
  const layers = [];
  columns.forEach(([, map]) => Object.keys(map || {}).forEach((k) => layers.includes(k) || layers.push(k)));
  if (!layers.length) return null;
  return table(['Layer', ...columns.map(([title]) => title)],
    layers.map((layer) => [layer, ...columns.map(([, map, fmt]) => ({
      value: map && layer in map ? fmt(map[layer]) : '—', class: 'num'}))]),
    {id});
}

function energyPart(energy) {
  if (!isObject(energy)) return null;
  const basis = isObject(energy.basis) ? energy.basis : {};
  const mj = (x) => (typeof x === 'number' ? num(x, 4) + ' mJ' : '—');
  return section('Energy per image',
    table(['Figure', 'Value'], [
      ['ANN (dense)', {value: mj(energy.annMj), class: 'num'}],
      ['SNN', {value: mj(energy.snnMj), class: 'num'}],
      ['SNN encoding layer', {value: mj(energy.snnEncodingMj), class: 'num'}],
      ['SNN synaptic accumulates', {value: mj(energy.snnSynapticMj), class: 'num'}],
      ['Synaptic operations', {value: si(energy.sops), class: 'num'}],
      ['ANN, density-scaled', {value: mj(energy.annMjDensityScaled), class: 'num'}],
      ['SNN, density-scaled', {value: mj(energy.snnMjDensityScaled), class: 'num'}],
      ...(typeof energy.snnMjPatchScaled === 'number'
        ? [['ANN, patch-scaled', {value: mj(energy.annMjPatchScaled), class: 'num'}],
            ['SNN, patch-scaled', {value: mj(energy.snnMjPatchScaled), class: 'num'}]]
        : []),
    ], {id: 'energy-table'}),
    h('h4', {}, 'Basis'),
    facts([
      ['E_MAC', typeof basis.macEnergyPj === 'number' ? basis.macEnergyPj + ' pJ' : null],
      ['E_AC', typeof basis.acEnergyPj === 'number' ? basis.acEnergyPj + ' pJ' : null],
      ['Process', basis.processNode],
      ['Source', basis.source],
      ['ANN formula', basis.annFormula],
      ['SNN formula', basis.snnFormula],
      ['Timesteps', energy.timesteps],
      ['Density scaling', energy.densityScaling],
      ['Patch scaling', energy.patchScaling],
    ]));
}

function sltParts(r) {
  const parts = [];
  parts.push(section('Summary', facts([
    ['Accuracy', percent(r.accuracy, 2)],
    ['Loss', num(r.loss)],
    ['Method', r.method],
    ['Architecture', r.architecture],
    ['Dataset', r.dataset],
    ['Neuron', r.neuron],
    ['Timesteps', r.timesteps],
    ['Prune ratio (removed)', num(r.pruneRatio)],
    ['Kept fraction', percent(r.keptFraction, 2)],
    ['ANN accuracy', typeof r.annAccuracy === 'number' ? percent(r.annAccuracy, 2) : null],
    ['SNN − ANN', typeof r.snnMinusAnn === 'number' ? num(r.snnMinusAnn) : null],
    ['Accuracy before fine-tuning', typeof r.accuracyBeforeFineTune === 'number' ? percent(r.accuracyBeforeFineTune, 2) : null],
    ['Patches kept', typeof r.patches === 'number' ? r.patchesKept + ' of ' + r.patches : null],
    ['Wall time', duration(r.wallSeconds)],
    ['Device', r.device],
    ['Engine', r.engine],
    ['Seed', r.seed],
  ])));
  const kept = layerTable('kept-fraction-table', [['Kept fraction', r.keptFractionByLayer, (x) => percent(x, 2)]]);
  if (kept) parts.push(section('Kept fraction per layer', kept));
  const rates = layerTable('firing-rate-table', [['Firing rate', r.firingRateByLayer, (x) => percent(x, 2)]]);
  if (rates) parts.push(section('Firing rate per layer', rates));
  if (Array.isArray(r.sweep) && r.sweep.length) {
    parts.push(section('Sweep', table(['Prune ratio', 'Kept fraction', 'Accuracy', 'Loss', 'ANN accuracy', 'SNN − ANN'],
      r.sweep.map((row) => [num(row.pruneRatio), percent(row.keptFraction, 2), percent(row.accuracy, 2), num(row.loss),
        typeof row.annAccuracy === 'number' ? percent(row.annAccuracy, 2) : '—',
        typeof row.snnMinusAnn === 'number' ? num(row.snnMinusAnn) : '—']), {id: 'sweep-table'})));
  }
  parts.push(energyPart(r.energy));
  return parts;
}

function qsnnParts(r) {
  const frontier = new Set(Array.isArray(r.frontier) ? r.frontier : []);
  const rows = (r.allocations || []).map((a) => ({
    attrs: {class: [a.onFrontier || frontier.has(a.label) ? 'frontier' : '', a.label === r.best ? 'best' : ''].join(' ').trim() || null},
    cells: [
      a.label,
      {value: a.weightBits, class: 'num'}, {value: a.spikeBits, class: 'num'}, {value: a.timesteps, class: 'num'},
      {value: a.bitBudget, class: 'num'},
      {value: num(a.params16BitEquivalentMillions), class: 'num'},
      {value: si(a.sAce), class: 'num'}, {value: si(a.nsAce), class: 'num'}, {value: si(a.sops), class: 'num'},
      {value: percent(a.meanFiringRate, 2), class: 'num'},
      {value: percent(a.accuracy, 2), class: 'num'},
      a.onFrontier || frontier.has(a.label) ? h('span', {class: 'chip chip-frontier'}, 'frontier') : '',
    ]}));
  const d = isObject(r.definitions) ? r.definitions : {};
  return [
    section('Summary', facts([
      ['Best allocation', r.best], ['Accuracy', percent(r.accuracy, 2)], ['S-ACE', si(r.sAce)], ['NS-ACE', si(r.nsAce)],
      ['Bit budget', r.bitBudget], ['Architecture', r.architecture], ['Dataset', r.dataset], ['MACs per timestep', si(r.macs)],
      ['Parameters', num(r.parameters)], ['Wall time', duration(r.wallSeconds)],
    ])),
    section('Allocations',
      table(['Allocation', 'W', 'S', 'T', 'W·S·T', 'Params (M, 16-bit eq.)', 'S-ACE', 'NS-ACE', 'SOPs', 'Firing rate',
        'Accuracy', 'Frontier'], rows, {id: 'allocation-table'}),
      h('p', {class: 'help'}, 'Rows on the accuracy-vs-S-ACE frontier are marked; the best allocation is in bold.'),
      facts([['S-ACE', d.sAce], ['NS-ACE', d.nsAce], ['Params (M)', d.params16BitEquivalentMillions], ['Frontier', d.frontier]])),
  ];
}

/** Rows of objects as a table with a column per scalar field. */
function genericRows(id, rows) {
  const keys = [];
  rows.forEach((row) => Object.entries(row).forEach(([k, v]) => {
    if (!isObject(v) && !Array.isArray(v) && !keys.includes(k)) keys.push(k);
  }));
  return table(keys, rows.map((row) => keys.map((k) => ({value: scalar(row[k]), class: typeof row[k] === 'number' ? 'num' : null}))), {id});
}

/** Tables for a job's result, by type; anything unknown is shown as its JSON text. */
export function resultParts(job) {
  const r = job.result;
  if (!isObject(r)) return [];
  const parts = [];
  if (job.type === 'qsnn' && Array.isArray(r.allocations)) parts.push(...qsnnParts(r));
  else if (job.type === 'slt' && isObject(r.keptFractionByLayer)) parts.push(...sltParts(r));
  else {
    const scalars = Object.entries(r).filter(([, v]) => !isObject(v) && !Array.isArray(v));
    if (scalars.length) parts.push(section('Summary', facts(scalars.map(([k, v]) => [k, scalar(v)]))));
    if (isObject(r.keptFractionByLayer) || isObject(r.firingRateByLayer)) {
      parts.push(section('Per layer', layerTable('kept-fraction-table', [
        ['Kept fraction', r.keptFractionByLayer, (x) => percent(x, 2)],
        ['Firing rate', r.firingRateByLayer, (x) => percent(x, 2)]])));
    }
    if (isObject(r.energy)) parts.push(energyPart(r.energy));
  }
  if (Array.isArray(r.rounds) && r.rounds.length && r.rounds.every(isObject)) {
    parts.push(section('Rounds', genericRows('rounds-table', r.rounds)));
  }
  parts.push(h('details', {class: 'raw'}, h('summary', {}, 'Result as JSON'), h('pre', {}, JSON.stringify(r, null, 2))));
  return parts.filter(Boolean);
}

function sparsityOf(round) {
  if (typeof round.sparsity === 'number') return round.sparsity;
  if (typeof round.keptFraction === 'number') return 1 - round.keptFraction;
  return NaN;
}

function accuracyOfRow(row) {
  return typeof row.accuracy === 'number' ? row.accuracy : row.testAccuracy;
}

/** [[pruneRatio, accuracy], ...] of an slt result: the sweep's rows, else its one ratio. */
export function accuracyVsRatio(r) {
  if (!isObject(r)) return [];
  if (Array.isArray(r.sweep) && r.sweep.length) return r.sweep.map((x) => [x.pruneRatio, x.accuracy]).sort((a, b) => a[0] - b[0]);
  return typeof r.pruneRatio === 'number' ? [[r.pruneRatio, r.accuracy]] : [];
}

/** [[sAce, accuracy], ...] of a qsnn result's allocations, by S-ACE, and the frontier's points. */
export function accuracyVsSace(r) {
  if (!isObject(r) || !Array.isArray(r.allocations)) return {points: [], frontier: []};
  const points = r.allocations.map((a) => [a.sAce, a.accuracy]).sort((a, b) => a[0] - b[0]);
  const frontier = r.allocations.filter((a) => a.onFrontier).map((a) => [a.sAce, a.accuracy]);
  return {points, frontier};
}

/** [[sparsity, accuracy], ...] of an imp result's rounds. */
export function accuracyVsSparsity(r) {
  if (!isObject(r) || !Array.isArray(r.rounds)) return [];
  return r.rounds.filter(isObject).map((x) => [sparsityOf(x), accuracyOfRow(x)]);
}
