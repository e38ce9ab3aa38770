// The messages of "Compare Annotations", checked both ways: what the
// extension accepts from the webview (against the comparison it last sent),
// what the webview accepts from the extension, a saved state, and the
// summary panel's agreement facts.
import { strict as assert } from 'node:assert';
import { parseCompareState, parseFromCompare, type CompareBounds } from '../../client/compare/compareMessages';
import { parseToCompare } from '../../client/compare/webview/validate';
import { parseFromWebview } from '../../client/summary/messages';

const BOUNDS: CompareBounds = { annotators: ['jd', 'mk', 'rs'], passages: [3, 0, 1] };

function rejected(raw: unknown, bounds: CompareBounds | null = BOUNDS): string {
  const parsed = parseFromCompare(raw, bounds);
  assert.equal(parsed.ok, false, `accepted ${JSON.stringify(raw)}`);
  return parsed.ok ? '' : parsed.reason;
}

function facts(): Record<string, unknown> {
  return {
    seq: 2, title: 'Compare: a.report.md', statement: '2 annotators', notice: '', focused: '', themeKind: 'vscode-light',
    columns: [{ annotator: 'jd', text: 'abc', passages: 1, statuses: { agreed: 1 }, labels: ['Weakness: abc. ✓ agreed (mk: agreed)'], topOffset: 0 }],
    toggles: { jd: true, mk: false }, byCode: { weakness: { 'Cohen κ': '1.0000' } }, byPair: {}, legend: ['✓ agreed: …'],
    images: 0, scripts: 0, handlers: 0,
  };
}

const RANGE = { start: { line: 5, character: 1 }, end: { line: 5, character: 4 } };
const passage = (status: string) => ({
  index: 0, start: 0, end: 3, codes: ['weakness'], themes: [], attributes: [], memo: null, id: null, parent: null, depth: 0,
  source: { span: RANGE, text: RANGE, close: RANGE }, status, versus: [{ annotator: 'mk', status }],
});
const COEFFICIENT_ROW = { label: null, spans: [1, 1], fleissKappa: 1, krippendorffAlpha: 1, unitizingAlpha: null };
const PAIR_ROW = {
  label: null, spans: [1, 1], characters: { both: 3, onlyFirst: 0, onlySecond: 0, neither: 0 }, cohenKappa: null, scottPi: null, krippendorffAlpha: null, unitizingAlpha: null,
  exact: { matches: 1, precision: 1, recall: 1, f1: 1 }, overlap: { matches: 1, precision: 1, recall: 1, f1: 1 }, counts: { exact: 1, boundary: 0, label: 0, onlyFirst: 0, onlySecond: 0 },
};
function model(): Record<string, unknown> {
  const copy = (annotator: string) => ({ annotator, path: `${annotator}.report.md`, uri: `file:///${annotator}.report.md`, passages: [passage('agreed')], counts: { agreed: 1, boundary: 0, code: 0, 'one-sided': 0 } });
  return {
    type: 'model', seq: 1, uri: 'file:///jd.report.md', title: 'Compare: jd.report.md', shown: [],
    result: {
      fingerprint: 'f', current: 0, cleanText: 'abc', length: 3, copies: [copy('jd'), copy('mk')],
      figures: {
        unit: 'Unicode code points of the clean text', matching: 'one-to-one', characterUnits: 'each code point', undefinedValues: 'n/a', labels: ['weakness'],
        article: {
          fingerprint: 'f', length: 3, reports: [{ path: 'jd.report.md', annotator: 'jd' }, { path: 'mk.report.md', annotator: 'mk' }],
          figures: { annotators: ['jd', 'mk'], articles: 1, length: 3, unitizingArticles: 1, labels: [{ ...COEFFICIENT_ROW, label: 'weakness' }, COEFFICIENT_ROW], pairs: [{ first: 'jd', second: 'mk', articles: 1, length: 3, labels: [PAIR_ROW] }] },
        },
      },
      codes: [{ name: 'weakness', label: 'Weakness', color: '#c62828', passages: 2 }],
      themes: [],
    },
  };
}

describe('client/compare messages', () => {
  it('accepts from the webview what refers to the comparison sent, as fresh copies', () => {
    for (const raw of [
      { type: 'ready' },
      { type: 'rendered', seq: 1, columns: 3, passages: 4 },
      { type: 'open', copy: 0, passage: 2 },
      { type: 'open', copy: 2, passage: 0 },
      { type: 'columns', shown: ['rs', 'jd'] },
      { type: 'test:reply', id: 1, facts: null },
      { type: 'test:reply', id: 1, facts: facts() },
    ]) {
      const parsed = parseFromCompare(raw, BOUNDS);
      assert.ok(parsed.ok, `rejected ${JSON.stringify(raw)}: ${parsed.ok ? '' : parsed.reason}`);
      assert.deepEqual(parsed.message, raw);
      assert.notEqual(parsed.message, raw);
    }
  });

  it('refuses what does not: other copies or passages, unknown annotators, other fields, other shapes', () => {
    assert.match(rejected({ type: 'open', copy: 0, passage: 0 }, null), /before any comparison was shown/);
    assert.match(rejected({ type: 'open', copy: 3, passage: 0 }), /copy is not a whole number from 0 to 2/);
    assert.match(rejected({ type: 'open', copy: 0, passage: 3 }), /passage is not a whole number from 0 to 2/);
    assert.match(rejected({ type: 'open', copy: 1, passage: 0 }), /mk's copy has no passages/);
    assert.match(rejected({ type: 'open', copy: -1, passage: 0 }), /copy is not a whole number/);
    assert.match(rejected({ type: 'columns', shown: ['jd', 'nobody'] }), /"nobody" is not an annotator of the article/);
    assert.match(rejected({ type: 'columns', shown: ['jd', 'jd'] }), /names one twice/);
    assert.match(rejected({ type: 'ready', extra: 1 }), /unexpected field "extra"/);
    assert.match(rejected({ type: 'tag' }), /unknown message type "tag"/);
    assert.match(rejected(['ready']), /not an object/);
    assert.match(rejected(new (class { type = 'ready'; })()), /not a plain object/);
    assert.match(rejected({ type: 'test:reply', id: 1, facts: { ...facts(), script: '<x>' } }), /unexpected field "script"/);
    assert.match(rejected({ type: 'test:reply', id: 1, facts: { ...facts(), toggles: { jd: 'yes' } } }), /true or false/);
  });

  it('reads a saved state, or none', () => {
    assert.deepEqual(parseCompareState({ uri: 'file:///a.report.md', shown: ['jd', 'jd', 'mk'] }), { uri: 'file:///a.report.md', shown: ['jd', 'mk'] });
    assert.deepEqual(parseCompareState({ uri: 'file:///a.report.md' }), { uri: 'file:///a.report.md', shown: [] });
    for (const raw of [null, 42, { uri: '' }, { uri: 'file:///a', shown: 'jd' }, { uri: 'file:///a', shown: [], other: 1 }]) assert.equal(parseCompareState(raw), null, JSON.stringify(raw));
  });

  describe('in the webview', () => {
    const warn = console.warn;
    before(() => {
      console.warn = () => undefined;
    });
    after(() => {
      console.warn = warn;
    });

    it('accepts a comparison and a notice as fresh copies', () => {
      const raw = model();
      const parsed = parseToCompare(raw);
      assert.deepEqual(parsed, raw);
      assert.notEqual(parsed, raw);
      assert.deepEqual(parseToCompare({ type: 'notice', seq: 2, text: 'No other copy.' }), { type: 'notice', seq: 2, text: 'No other copy.' });
    });

    it('drops a message of the wrong shape whole', () => {
      /** The model with one value at a path replaced (`undefined`: removed). */
      const broken = (path: ReadonlyArray<string | number>, value: unknown) => {
        const raw = model();
        let at = raw as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
        const last = path[path.length - 1];
        if (value === undefined && Array.isArray(at)) at.splice(Number(last), 1);
        else if (value === undefined) delete at[last];
        else at[last] = value;
        return parseToCompare(raw);
      };
      assert.equal(broken(['result', 'copies', 0, 'passages', 0, 'status'], 'maybe'), null);
      assert.equal(broken(['result', 'copies', 0, 'passages', 0, 'end'], 4), null);
      assert.equal(broken(['result', 'copies', 1], undefined), null);
      assert.equal(broken(['result', 'figures', 'article', 'figures', 'labels', 0, 'fleissKappa'], 'NaN'), null);
      assert.equal(broken(['result', 'figures', 'article', 'figures', 'labels', 0, 'fleissKappa'], Infinity), null);
      assert.equal(broken(['result', 'current'], 2), null);
      assert.equal(broken(['shown'], undefined), null);
      assert.equal(parseToCompare({ type: 'script', seq: 1 }), null);
    });
  });

  it('the summary panel accepts its agreement section read back, and refuses it malformed', () => {
    const summaryFacts = {
      scope: 'workspace', generation: 4, heading: 'Workspace', notice: '', totals: {}, byCode: {}, byTheme: {}, codeBars: {},
      tallies: { area: {}, framework: {}, outcome: {}, status: {}, annotator: {} }, findingsRows: 0, listItems: 0, findingsMatching: 0, findingsTotal: 0,
      renderedRange: null, virtualHeight: 0, rowHeights: [], overflowingRows: 0, focusedIndex: null, rowPositions: [], setSize: 0,
      rowTexts: [], rowWheres: [], rowMemos: [], rowMemoTitles: [], filters: { code: '', theme: '', area: '', text: '' }, sort: 'report', filterCounts: { code: {}, theme: {}, area: {} },
      images: 0, scripts: 0, handlers: 0, xss: 'undefined',
    };
    const agreement = { statement: '2 articles', byCode: { weakness: { 'Fleiss κ': '0.9189' } }, matrix: { jd: { jd: '—', mk: '0.9750' } } };
    for (const value of [agreement, null]) {
      const parsed = parseFromWebview({ type: 'inspected', id: 1, facts: { ...summaryFacts, agreement: value } });
      assert.ok(parsed.ok && parsed.message.type === 'inspected', parsed.ok ? '' : parsed.reason);
      assert.deepEqual(parsed.message.facts?.agreement, value);
    }
    const bad = parseFromWebview({ type: 'inspected', id: 1, facts: { ...summaryFacts, agreement: { ...agreement, byCode: { weakness: { 'Fleiss κ': 1 } } } } });
    assert.equal(bad.ok, false);
  });
});
