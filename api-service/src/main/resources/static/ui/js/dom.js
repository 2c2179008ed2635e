// Building the page without markup strings: every value from the API or a worker becomes a text node or an
// attribute set through the DOM, never parsed as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    child.forEach((c) => append(parent, c));
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

function assign(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (name === 'value' || name === 'checked' || name === 'selected') {
      el[name] = value;
    } else {
      if (/^(href|src|action|formaction|xlink:href)$/i.test(name) && !safeUrl(String(value))) {
        throw new Error('Refusing URL ' + value);
      }
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  return el;
}

/** Only this origin's pages, blob: objects made by the page, and in-page routes. */
function safeUrl(url) {
  return url.startsWith('#') || url.startsWith('blob:') || (url.startsWith('/') && !url.startsWith('//'));
}

/** An HTML element: h('td', {class: 'num'}, 'text', child, ...). */
export function h(tag, attrs, ...children) {
  const el = assign(document.createElement(tag), attrs);
  append(el, children);
  return el;
}

/** An SVG element; attributes as for h. */
export function s(tag, attrs, ...children) {
  const el = assign(document.createElementNS(SVG_NS, tag), attrs);
  append(el, children);
  return el;
}

/** Replaces the children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table: headers (strings) and rows (arrays of cells: text, nodes, or {value, class}). */
export function table(headers, rows, attrs = {}) {
  return h('div', {class: 'table-wrap'},
    h('table', attrs,
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', {scope: 'col'}, x)))),
      h('tbody', {}, rows.map((row) => h('tr', row.attrs || {},
        (row.cells || row).map((cell) => cell && typeof cell === 'object' && !(cell instanceof Node) && !Array.isArray(cell)
          ? h('td', {class: cell.class}, cell.value)
          : h('td', {}, cell)))))));
}

/** A definition list from [term, value] pairs; pairs whose value is null or undefined are left out. */
export function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}
