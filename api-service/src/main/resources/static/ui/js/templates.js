// Starting points of the new-job editor, one per job type, from templates.json (which a test validates as specs;
// the README's "Job specs" lists every field).

let templates = null;

/** {slt: spec, qsnn: spec, imp: spec}, fetched once. */
export function loadTemplates() {
  if (!templates) {
    templates = fetch('templates.json', {cache: 'no-cache', credentials: 'omit'}).then((r) => {
      if (!r.ok) throw new Error('templates.json: HTTP ' + r.status);
      return r.json();
    });
    templates.catch(() => {
      templates = null;
    });
  }
  return templates;
}

export const TEMPLATE_TYPES = ['slt', 'qsnn', 'imp'];
