// Small SVG line charts drawn from JSON: linear or log x, several labelled series, a legend, and values on hover
// or with the arrow keys when the chart has focus.

import {h, s, replace} from './dom.js';

// Okabe–Ito colours: distinguishable with colour-vision deficiencies, readable on white.
const COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#8c564b'];
const W = 640;
const H = 300;
const M = {top: 14, right: 16, bottom: 44, left: 58};

let chartCount = 0;

function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

function linearTicks(lo, hi, count) {
  const step = niceStep(hi - lo, count);
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function logTicks(lo, hi) {
  const ticks = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    const v = Math.pow(10, e);
    if (v >= lo * 0.999 && v <= hi * 1.001) ticks.push(v);
  }
  return ticks.length >= 2 ? ticks : [lo, hi];
}

function label(v) {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e4 || a < 1e-3)) {
    const units = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
    for (const [scale, unit] of units) if (a >= scale) return Number((v / scale).toPrecision(3)) + unit;
    return v.toExponential(1);
  }
  return String(Number(v.toPrecision(4)));
}

/**
 * A chart element; call update(series) to redraw with new data.
 * options: {id, title, xLabel, yLabel, logX, yMin, yMax, xFormat, yFormat}
 * series: [{label, points: [[x, y], ...], dashed, markers}]
 */
export function lineChart(options) {
  const id = options.id || 'chart-' + ++chartCount;
  const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', role: 'img', 'aria-labelledby': id + '-title'});
  const readout = h('p', {class: 'readout', 'aria-live': 'polite'}, 'Hover or focus the chart and use the arrow keys to read values.');
  const legend = h('ul', {class: 'legend'});
  const figure = h('figure', {class: 'chart', id, tabindex: '0'},
    h('figcaption', {id: id + '-title'}, options.title), svg, legend, readout);
  const xFmt = options.xFormat || label;
  const yFmt = options.yFormat || label;
  let points = [];
  let focusIndex = -1;
  let marker = null;
  let tip = null;

  function show(i) {
    if (!points.length || !marker) return;
    focusIndex = Math.max(0, Math.min(points.length - 1, i));
    const p = points[focusIndex];
    marker.setAttribute('cx', p.px);
    marker.setAttribute('cy', p.py);
    marker.setAttribute('stroke', p.color);
    marker.removeAttribute('visibility');
    const text = `${p.series}: ${options.xLabel} ${xFmt(p.x)}, ${options.yLabel} ${yFmt(p.y)}`;
    const tipText = tip.querySelector('text');
    tipText.textContent = `${p.series} · ${xFmt(p.x)} → ${yFmt(p.y)}`;
    const width = Math.min(W - 8, 7 * tipText.textContent.length + 12);
    const tx = Math.max(4, Math.min(W - width - 4, p.px - width / 2));
    const ty = p.py > M.top + 34 ? p.py - 30 : p.py + 12;
    tip.querySelector('rect').setAttribute('width', width);
    tip.setAttribute('transform', `translate(${tx},${ty})`);
    tip.removeAttribute('visibility');
    readout.textContent = text;
  }

  function hide() {
    if (!marker) return;
    marker.setAttribute('visibility', 'hidden');
    tip.setAttribute('visibility', 'hidden');
  }

  function update(series) {
    const all = series.flatMap((sr) => sr.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)
      && (!options.logX || x > 0)));
    replace(svg, s('title', {}, options.title));
    replace(legend);
    points = [];
    focusIndex = -1;
    marker = null;
    tip = null;
    if (!all.length) {
      svg.appendChild(s('text', {x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty'}, 'No data yet'));
      return;
    }
    let [x0, x1] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
    let [y0, y1] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
    if (options.yMin !== undefined) y0 = Math.min(y0, options.yMin);
    if (options.yMax !== undefined) y1 = Math.max(y1, options.yMax);
    if (options.logX) {
      if (x0 === x1) [x0, x1] = [x0 / 2, x1 * 2];
      x0 = Math.pow(10, Math.floor(Math.log10(x0) * 4) / 4);
      x1 = Math.pow(10, Math.ceil(Math.log10(x1) * 4) / 4);
    } else if (x0 === x1) {
      [x0, x1] = [x0 - 0.5, x1 + 0.5];
    }
    if (y0 === y1) [y0, y1] = [y0 - 0.5, y1 + 0.5];
    const pad = (y1 - y0) * 0.05;
    if (options.yMin === undefined) y0 -= pad;
    if (options.yMax === undefined) y1 += pad;
    const fx = options.logX
      ? (x) => M.left + (Math.log10(x) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0)) * (W - M.left - M.right)
      : (x) => M.left + (x - x0) / (x1 - x0) * (W - M.left - M.right);
    const fy = (y) => H - M.bottom - (y - y0) / (y1 - y0) * (H - M.top - M.bottom);

    const grid = s('g', {class: 'grid'});
    const xTicks = options.logX ? logTicks(x0, x1) : linearTicks(x0, x1, 6);
    for (const t of xTicks) {
      grid.appendChild(s('line', {x1: fx(t), x2: fx(t), y1: M.top, y2: H - M.bottom}));
      grid.appendChild(s('text', {x: fx(t), y: H - M.bottom + 16, 'text-anchor': 'middle'}, label(t)));
    }
    for (const t of linearTicks(y0, y1, 5)) {
      grid.appendChild(s('line', {x1: M.left, x2: W - M.right, y1: fy(t), y2: fy(t)}));
      grid.appendChild(s('text', {x: M.left - 6, y: fy(t) + 4, 'text-anchor': 'end'}, label(t)));
    }
    svg.appendChild(grid);
    svg.appendChild(s('rect', {class: 'frame', x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom}));
    svg.appendChild(s('text', {class: 'axis-label', x: (W + M.left - M.right) / 2, y: H - 6, 'text-anchor': 'middle'},
      options.xLabel + (options.logX ? ' (log scale)' : '')));
    svg.appendChild(s('text', {class: 'axis-label', x: 14, y: (H - M.bottom + M.top) / 2, 'text-anchor': 'middle',
      transform: `rotate(-90 14 ${(H - M.bottom + M.top) / 2})`}, options.yLabel));

    series.forEach((sr, i) => {
      const color = COLORS[i % COLORS.length];
      const pts = sr.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!options.logX || x > 0));
      const g = s('g', {class: 'series', 'data-series': sr.label});
      if (pts.length > 1 && sr.line !== false) {
        g.appendChild(s('polyline', {points: pts.map(([x, y]) => `${fx(x).toFixed(1)},${fy(y).toFixed(1)}`).join(' '),
          fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': sr.dashed ? '6 4' : null}));
      }
      const showMarkers = sr.markers || pts.length <= 40;
      for (const [x, y] of pts) {
        if (showMarkers) g.appendChild(s('circle', {cx: fx(x), cy: fy(y), r: 3.2, fill: color}));
        points.push({x, y, px: fx(x), py: fy(y), series: sr.label, color});
      }
      (sr.highlight || []).forEach(([x, y]) => g.appendChild(
        s('circle', {cx: fx(x), cy: fy(y), r: 6, fill: 'none', stroke: color, 'stroke-width': 2})));
      svg.appendChild(g);
      legend.appendChild(h('li', {}, s('svg', {viewBox: '0 0 20 10', width: 20, height: 10, 'aria-hidden': 'true'},
        s('line', {x1: 0, x2: 20, y1: 5, y2: 5, stroke: color, 'stroke-width': 3, 'stroke-dasharray': sr.dashed ? '4 3' : null})),
      ' ', sr.label));
    });
    points.sort((a, b) => a.x - b.x || a.y - b.y);
    marker = s('circle', {class: 'marker', r: 5.5, fill: '#fff', 'stroke-width': 2.5, visibility: 'hidden'});
    tip = s('g', {class: 'tip', visibility: 'hidden'}, s('rect', {height: 20, rx: 3}), s('text', {x: 6, y: 14}));
    svg.appendChild(marker);
    svg.appendChild(tip);
  }

  svg.addEventListener('pointermove', (e) => {
    if (!points.length) return;
    const box = svg.getBoundingClientRect();
    const px = (e.clientX - box.left) * W / box.width;
    const py = (e.clientY - box.top) * H / box.height;
    let best = 0;
    let bestD = Infinity;
    points.forEach((p, i) => {
      const d = (p.px - px) ** 2 + ((p.py - py) ** 2) / 4;
      if (d < bestD) [best, bestD] = [i, d];
    });
    show(best);
  });
  svg.addEventListener('pointerleave', hide);
  figure.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') show(focusIndex + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') show(focusIndex < 0 ? points.length - 1 : focusIndex - 1);
    else if (e.key === 'Home') show(0);
    else if (e.key === 'End') show(points.length - 1);
    else return;
    e.preventDefault();
  });
  figure.addEventListener('blur', hide);
  update(options.series || []);
  return {el: figure, update};
}
