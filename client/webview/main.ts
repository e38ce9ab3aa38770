// The summary panel's webview: a fixed toolbar (scope, refresh, export), the
// counts and the findings list, rendered from the `update` messages of the
// extension with DOM APIs only; the list asks for its pages (`page`) as it
// scrolls. State (scope, filters, order) is kept with setState so that the
// panel comes back as it was after a reload.
import type { SummaryFinding } from '../../protocol';
import { DEFAULT_SORT, NO_FILTERS, parseState, type FindingsPageMessage, type PanelFilters, type PanelScope, type PanelState, type ToWebview, type UpdateMessage } from '../summary/messages';
import { h, icon, replaceChildren } from './dom';
import { agreementSection } from './agreementSection';
import { FindingsList } from './findingsList';
import { inspect } from './inspect';
import { codes, codesByTheme, heading, tallies, themes, totals } from './overview';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let state: PanelState = parseState(vscode.getState()) ?? { scope: 'document', filters: NO_FILTERS, sort: DEFAULT_SORT, documentUri: null };
let current: UpdateMessage | null = null;
let matrixOpen = false;

function post(message: unknown): void {
  vscode.postMessage(message);
}

function save(next: Partial<PanelState>): void {
  state = { ...state, ...next };
  vscode.setState(state);
}

// ------------------------------------------------------------------ skeleton

const app = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
const progress = h('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Loading', hidden: true }, h('div', { class: 'progress-bit' }));
const scopeButtons: Record<PanelScope, HTMLButtonElement> = {
  document: h('button', { type: 'button', class: 'segment', 'data-scope': 'document', 'aria-pressed': 'false' }, icon('file'), h('span', {}, 'Current report')),
  workspace: h('button', { type: 'button', class: 'segment', 'data-scope': 'workspace', 'aria-pressed': 'false' }, icon('folder-library'), h('span', {}, 'Workspace')),
};
const refreshButton = h('button', { type: 'button', class: 'icon-button', id: 'refresh', title: 'Refresh', 'aria-label': 'Refresh' }, icon('refresh'));
const exportButton = h('button', { type: 'button', class: 'primary', id: 'export', title: 'Export the findings in scope as a dataset (JSON Lines, CSV or JSON)' }, icon('export'), h('span', {}, 'Export findings…'));
const toolbar = h('div', { class: 'toolbar' },
  h('div', { class: 'segmented', role: 'group', 'aria-label': 'Scope' }, scopeButtons.document, scopeButtons.workspace),
  h('div', { class: 'actions' }, refreshButton, exportButton));
const overview = h('div', { id: 'overview' });
const findings = new FindingsList(state.filters, state.sort, {
  request: (message) => post(message),
  reveal,
  changed: (filters, sort) => save({ filters, sort }),
});
const content = h('div', { id: 'content' });
replaceChildren(app, progress, toolbar, content);
app.removeAttribute('aria-busy');

for (const scope of ['document', 'workspace'] as const) {
  scopeButtons[scope].addEventListener('click', () => {
    if (current?.scope === scope && !progress.hidden) return;
    save({ scope });
    showScope(scope);
    loading(true);
    post({ type: 'setScope', scope });
  });
}
refreshButton.addEventListener('click', () => {
  loading(true);
  post({ type: 'refresh' });
});
// The filters go along: the extension offers to export just the findings the list shows.
exportButton.addEventListener('click', () => post({ type: 'export', filters: findings.filters }));

function showScope(scope: PanelScope): void {
  for (const key of ['document', 'workspace'] as const) scopeButtons[key].setAttribute('aria-pressed', String(key === scope));
}

function loading(on: boolean): void {
  progress.hidden = !on;
  app.setAttribute('aria-busy', String(on));
}

function reveal(finding: SummaryFinding): void {
  post({ type: 'reveal', uri: finding.uri, range: finding.range });
}

// ------------------------------------------------------------------ rendering

function render(update: UpdateMessage): void {
  current = update;
  save({ scope: update.scope, documentUri: update.documentUri });
  showScope(update.scope);
  loading(false);
  const summary = update.summary;
  exportButton.disabled = summary === null || summary.totals.reports === 0;
  if (!summary) {
    const text = update.error ?? update.notice ?? 'Nothing to show.';
    replaceChildren(content, h('p', { class: update.error ? 'notice error' : 'notice', role: update.error ? 'alert' : 'status' }, update.error ? icon('error') : icon('info'), ' ', text));
    post({ type: 'rendered', seq: update.seq, scope: update.scope, generation: null });
    return;
  }
  const previousMatrix = overview.querySelector('details#matrix');
  if (previousMatrix instanceof HTMLDetailsElement) matrixOpen = previousMatrix.open;
  const matrix = codesByTheme(summary);
  if (matrix instanceof HTMLDetailsElement) matrix.open = matrixOpen;
  replaceChildren(overview,
    heading(update.scope, summary),
    totals(summary),
    // Workspace scope, and only where annotators coded the same articles: the reliability of the coding comes first.
    agreementSection(update.agreement),
    h('div', { class: 'grid' }, codes(summary), themes(summary), ...tallies(summary)),
    matrix);
  if (content.firstChild !== overview || content.lastChild !== findings.element) replaceChildren(content, overview, findings.element);
  findings.update(summary);
  // Drawn once the rows in view are (their pages come from the server): unless a newer update came meanwhile.
  void findings.whenSettled().then(() => {
    if (current === update) post({ type: 'rendered', seq: update.seq, scope: update.scope, generation: summary.generation });
  });
}

/** The host's answer to a page request, if it has the shape of one (else dropped, with the reason on the console). */
function pageAnswer(message: FindingsPageMessage): FindingsPageMessage | null {
  const counts = [message.requestId, message.generation, message.total, message.matching, message.offset];
  const facets = message.facets as Partial<FindingsPageMessage['facets']> | undefined;
  const ok = counts.every((n) => Number.isInteger(n) && n >= 0) && Array.isArray(message.findings)
    && typeof facets === 'object' && facets !== null && Array.isArray(facets.code) && Array.isArray(facets.theme) && Array.isArray(facets.area);
  if (!ok) console.warn('summary panel: a findings page was dropped: it is not one');
  return ok ? message : null;
}

// ------------------------------------------------------------------ messages

function onMessage(message: ToWebview): void {
  switch (message.type) {
    case 'init':
      save({ scope: message.state.scope, documentUri: message.state.documentUri });
      showScope(message.state.scope);
      loading(true);
      break;
    case 'loading':
      showScope(message.scope);
      loading(true);
      break;
    case 'update':
      render(message);
      break;
    case 'findingsPage': {
      const answer = pageAnswer(message);
      if (answer) findings.page(answer.requestId, answer);
      break;
    }
    case 'pageDropped':
      if (Number.isInteger(message.requestId)) findings.pageDropped(message.requestId, typeof message.error === 'string' ? message.error : null);
      break;
    default:
      // Test builds only: compiled out of the production bundle.
      if (FINDINGS_TEST_SEAMS) onTestMessage(message);
  }
}

/** Test seams: read the DOM, or act on it as a user would, then answer (once the list has drawn what the action asked for). */
function onTestMessage(message: ToWebview): void {
  const answer = (id: number, withFacts: boolean) => void settledList().then(() => post({ type: 'inspected', id, facts: withFacts ? facts() : null }));
  switch (message.type) {
    case 'inspect':
      answer(message.id, true);
      break;
    case 'test:click':
      findings.rows()[message.index]?.click();
      post({ type: 'inspected', id: message.id, facts: null });
      break;
    case 'test:filter':
      findings.applyFilters(message.filters as Partial<PanelFilters>, message.sort);
      answer(message.id, true);
      break;
    case 'test:scroll':
      findings.scrollTo(message.index);
      answer(message.id, true);
      break;
    case 'test:key':
      findings.press(message.key, message.index);
      answer(message.id, true);
      break;
    case 'test:scope':
      scopeButtons[message.scope]?.click();
      post({ type: 'inspected', id: message.id, facts: null });
      break;
    case 'test:export':
      exportButton.click();
      post({ type: 'inspected', id: message.id, facts: facts() });
      break;
    case 'test:post':
      post(message.message);
      post({ type: 'inspected', id: message.id, facts: null });
      break;
    default:
      break;
  }
}

function facts() {
  return inspect(current?.scope ?? state.scope, current?.summary?.generation ?? null, findings.filters);
}

/** The list settled, or a few seconds gone (a test then reads what is there and fails on it). */
function settledList(): Promise<void> {
  if (!current?.summary) return Promise.resolve();
  return Promise.race([findings.whenSettled(), new Promise<void>((resolve) => setTimeout(resolve, 10_000))]);
}

window.addEventListener('message', (event: MessageEvent) => {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') return;
  onMessage(data as ToWebview);
});

post({ type: 'ready', state });
