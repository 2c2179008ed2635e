// Number, time and status formatting shared by the pages.

export const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function isTerminal(status) {
  return TERMINAL.has(status);
}

export function percent(x, digits = 1) {
  return typeof x === 'number' && Number.isFinite(x) ? (x * 100).toFixed(digits) + '%' : '—';
}

export function num(x, digits = 4) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x.toLocaleString('en-US');
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(3);
  return String(Number(x.toPrecision(digits)));
}

/** 1.2e9 → "1.20 G". */
export function si(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  const units = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [scale, unit] of units) {
    if (Math.abs(x) >= scale) return (x / scale).toFixed(2) + ' ' + unit;
  }
  return num(x);
}

export function bytes(n) {
  if (typeof n !== 'number') return '—';
  if (n < 1024) return n + ' B';
  const units = ['KiB', 'MiB', 'GiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return v.toFixed(1) + ' ' + units[i];
}

export function duration(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return seconds.toFixed(seconds < 10 ? 1 : 0) + ' s';
  const m = Math.floor(seconds / 60);
  const sec = Math.round(seconds % 60);
  if (m < 60) return m + ' min ' + sec + ' s';
  return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
}

export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

/** The job's wall time: the result's when it has one, else from its timestamps (still counting while running). */
export function wallSeconds(job) {
  if (job.result && typeof job.result.wallSeconds === 'number') return job.result.wallSeconds;
  if (!job.startedAt) return null;
  const end = job.finishedAt ? new Date(job.finishedAt) : new Date();
  return (end - new Date(job.startedAt)) / 1000;
}

/** The accuracy to show for a job: the result's, else the latest test (or batch) accuracy reported. */
export function accuracyOf(job) {
  if (job.result && typeof job.result.accuracy === 'number') return job.result.accuracy;
  const m = job.progress && job.progress.metrics;
  if (m && typeof m.testAccuracy === 'number') return m.testAccuracy;
  return null;
}

export function seedOf(job) {
  const seed = job.spec && job.spec.training && job.spec.training.seed;
  return seed === undefined ? null : seed;
}
