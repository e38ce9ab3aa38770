// The first drawing of a fresh webview pays for compiling the drawing code
// (and the checks of a model) and for the page's first style pass over the
// reader's rules. The webview pays it while the extension is still asking
// the language server for the model: it checks a short made-up model as a
// message from the extension is checked, draws it once, out of sight, and
// drops it. Its codes have keyboard hints, as the codebook's own do.
import { h } from '../../webview/dom';
import { ArticleView } from './articleView';
import { reportHeader } from './header';
import type { ShownModel } from './shownModel';
import { Toolbar } from './toolbar';
import { parseToReader } from './validate';

const TEXT = 'Leaders said the area had improved.\n\nParents said waits were too long.\n';

const MODEL: ShownModel = {
  name: 'warm-up.report.md',
  header: { title: 'Warm-up', fields: [{ key: 'status', label: 'Status', value: 'draft' }], memo: 'A note.' },
  cleanText: TEXT,
  fingerprint: '',
  passages: [
    { index: 0, start: 0, end: 35, codes: ['strength', 'weakness'], themes: ['t'], attributes: [{ key: 'k', value: 'v' }], memo: 'm', id: null, parent: null, depth: 0 },
    { index: 1, start: 13, end: 21, codes: ['weakness'], themes: [], attributes: [], memo: null, id: null, parent: 0, depth: 1 },
    { index: 2, start: 37, end: 70, codes: ['strength'], themes: ['t'], attributes: [], memo: null, id: null, parent: null, depth: 0 },
  ],
  codes: [{ name: 'strength', label: 'A', color: '#2e7d32', passages: 2 }, { name: 'weakness', label: 'B', color: '#c62828', passages: 2 }],
  themes: [{ name: 't', label: 'T', passages: 2 }],
};

/** Draws the made-up article out of sight, lays it out, and removes it. */
export function warmUp(): void {
  const view = new ArticleView();
  const toolbar = new Toolbar({ tag: () => undefined, filters: () => undefined, saveHtml: () => undefined });
  const stage = h('div', { class: 'warm-up', 'aria-hidden': 'true' });
  stage.append(toolbar.element, reportHeader(MODEL), view.element);
  document.body.append(stage);
  try {
    const checked = parseToReader({ type: 'modelJson', seq: 0, uri: 'warm-up', json: JSON.stringify(MODEL) });
    const model = checked?.type === 'model' ? checked.model : MODEL;
    toolbar.update(model);
    view.render(model, 0);
    view.shownCounts();
    stage.getBoundingClientRect();
  } finally {
    stage.remove();
    view.clear();
  }
}
