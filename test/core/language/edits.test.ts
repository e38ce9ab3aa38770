import { strict as assert } from 'node:assert';
import { BUILTIN_CODEBOOK, defaultCodebook, fixAllEdits, prepareRename, renameEdits, tagSelectionActions, type Codebook } from '../../../core';
import { buildCodebook } from '../../../core/codebook/loadCodebook';
import { parseReport } from '../../../core/document/parseReport';
import { type RenameResult } from '../../../core/language/rename';
import { validateReport } from '../../../core/validate/validateReport';
import { applyEdits, cursor, FRONT } from './cursor';

const workspaceCodebook = (text: string): Codebook => {
  const result = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: '/w/codebook.yaml', text });
  assert.deepEqual(result.diagnostics, []);
  return result.codebook;
};
const ok = (result: RenameResult) => {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result;
};

describe('core/language rename', () => {
  const report = (body: string) => parseReport(`${FRONT}${body}`);

  it('refuses a built-in entry without a workspace codebook, and says why', () => {
    const { document, offset, codebook } = cursor(`${FRONT}[a]{.weak|ness}`);
    const prepared = prepareRename(document, codebook, offset);
    assert.ok(prepared && !prepared.ok);
    assert.match(prepared.message, /`weakness` is a code of the built-in codebook, which cannot be edited\. Add a codebook\.yaml/);
    const invalid = prepareRename(document, codebook, offset, 'invalid');
    assert.ok(invalid && !invalid.ok && /has errors: fix them first/.test(invalid.message));
    assert.equal(prepareRename(document, codebook, 0), undefined, 'nothing renameable at the start');
  });

  it('renames a code that the codebook does not define in the reports alone', () => {
    const { document, offset, codebook } = cursor(`${FRONT}[a]{.weak|nes theme=x}`);
    const prepared = prepareRename(document, codebook, offset);
    assert.ok(prepared?.ok);
    const result = ok(renameEdits({ reports: [{ path: 'r', document }], codebook, target: prepared.target, newName: 'weakness' }));
    assert.equal(applyEdits(document.text, result.edits.get('r')!), `${FRONT}[a]{.weakness theme=x}`);
    assert.deepEqual(result.codebookEdits, []);
  });

  it('checks the new name', () => {
    const codebook = workspaceCodebook('codes:\n  concern:\n    label: C\n    description: D\n');
    const target = { kind: 'code' as const, name: 'concern' };
    for (const bad of ['Concern', '1st', 'a b', 'under_score', '']) {
      const result = renameEdits({ reports: [], codebook, target, newName: bad });
      assert.ok(!result.ok && /is not a valid code name/.test(result.message), bad);
    }
    const taken = renameEdits({ reports: [], codebook, target, newName: 'weakness' });
    assert.ok(!taken.ok && /already defines a code `weakness`/.test(taken.message));
  });

  it('renames a workspace code in the reports, its key (keeping quotes) and expects_codes', () => {
    const text = 'codes:\n  "concern":\n    label: C\n    description: D\nfields:\n  outcome:\n    type: enum\n    values:\n      bad: { expects_codes: [concern, weakness] }\n      worse:\n        expects_codes:\n          - "concern"\n';
    const codebook = workspaceCodebook(text);
    const one = report('[a]{.concern} and [b]{.weakness .concern}');
    const result = ok(renameEdits({ reports: [{ path: 'one', document: one }, { path: 'two', document: report('none') }], codebook, target: { kind: 'code', name: 'concern' }, newName: 'worry' }));
    assert.deepEqual([...result.edits.keys()], ['one']);
    assert.equal(applyEdits(one.text, result.edits.get('one')!), `${FRONT}[a]{.worry} and [b]{.weakness .worry}`);
    assert.equal(applyEdits(text, result.codebookEdits), text.replace('"concern":', '"worry":').replace('[concern,', '[worry,').replace('- "concern"', '- "worry"'));
  });

  it('renames a theme in plain, quoted and escaped values', () => {
    const codebook = workspaceCodebook('themes:\n  transport:\n    label: T\n    definition: D\n');
    const document = report('[a]{.weakness theme=transport} [b]{.weakness theme="health transport"} [c]{.weakness theme="transport \\"x\\" health"} [d]{.quote speaker=transport}');
    const result = ok(renameEdits({ reports: [{ path: 'r', document }], codebook, target: { kind: 'theme', name: 'transport' }, newName: 'travel' }));
    assert.equal(applyEdits(document.text, result.edits.get('r')!), `${FRONT}[a]{.weakness theme=travel} [b]{.weakness theme="health travel"} [c]{.weakness theme="travel \\"x\\" health"} [d]{.quote speaker=transport}`);
    assert.equal(applyEdits(codebook.sources[1].text, result.codebookEdits), 'themes:\n  travel:\n    label: T\n    definition: D\n');
  });

  it('copies a built-in entry into the workspace codebook under its new name', () => {
    const document = report('[a]{.weakness theme=health}');
    const rename = (text: string) => {
      const codebook = workspaceCodebook(text);
      const result = ok(renameEdits({ reports: [{ path: 'r', document }], codebook, target: { kind: 'theme', name: 'health' }, newName: 'nhs' }));
      return applyEdits(text, result.codebookEdits);
    };
    const entry = '  nhs:\n    label: Health services and waiting times\n    definition: Health provision for SEND, including therapies, CAMHS, diagnostic pathways and waiting times.\n';
    assert.equal(rename('themes:\n    transport: { label: T, definition: D }\n'), `themes:\n${entry.replace(/^ {2}/gm, '    ')}    transport: { label: T, definition: D }\n`);
    assert.equal(rename('name: mine'), `name: mine\nthemes:\n${entry}`);
    const after = rename('name: mine\n');
    const rebuilt = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: '/w/codebook.yaml', text: after });
    assert.deepEqual(rebuilt.diagnostics, []);
    assert.equal(rebuilt.codebook.themes.get('nhs')?.label, 'Health services and waiting times');
    const flow = renameEdits({ reports: [], codebook: workspaceCodebook('themes: { transport: { label: T, definition: D } }\n'), target: { kind: 'theme', name: 'health' }, newName: 'nhs' });
    assert.ok(!flow.ok && /not a block mapping/.test(flow.message));
  });

  it('copies a built-in code with CRLF line ends', () => {
    const text = 'codes:\r\n  concern:\r\n    label: C\r\n    description: D\r\n';
    const codebook = workspaceCodebook(text);
    const result = ok(renameEdits({ reports: [], codebook, target: { kind: 'code', name: 'wsoa' }, newName: 'statement' }));
    const after = applyEdits(text, result.codebookEdits);
    assert.ok(after.startsWith('codes:\r\n  statement:\r\n    label: Written Statement of Action\r\n'));
    assert.ok(!/[^\r]\n/.test(after), 'CRLF throughout');
  });
});

describe('core/language tag selection', () => {
  const text = `${FRONT}Inspectors found [weak leadership]{.weakness theme=leadership} and slow plans.\n`;
  const document = parseReport(text);
  const codebook = defaultCodebook();
  const range = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

  it('wraps the trimmed selection, with the required attributes to fill in', () => {
    const actions = tagSelectionActions(document, codebook, range(' slow plans'));
    assert.deepEqual(actions.map((a) => a.title), [...codebook.codes.keys()].map((code) => `Tag selection as ${code}`));
    assert.ok(applyEdits(text, actions.find((a) => a.code === 'weakness')!.edits).includes('and [slow plans]{.weakness theme=}.'));
    assert.ok(applyEdits(text, actions.find((a) => a.code === 'quote')!.edits).includes('[slow plans]{.quote speaker=}'));
    assert.ok(applyEdits(text, actions.find((a) => a.code === 'wsoa')!.edits).includes('[slow plans]{.wsoa}'));
  });

  it('nests within a span or around one, but never cuts through markup or tags the front matter', () => {
    assert.equal(tagSelectionActions(document, codebook, range('leadership]')).length, 8 * 0, 'a selection ending inside the markup');
    assert.equal(tagSelectionActions(document, codebook, range('weak leadership')).length, 8, 'inside the span text');
    assert.equal(tagSelectionActions(document, codebook, range('found [weak leadership]{.weakness theme=leadership} and')).length, 8, 'around the span');
    assert.equal(tagSelectionActions(document, codebook, range('found [weak')).length, 0, 'across the opening bracket');
    assert.equal(tagSelectionActions(document, codebook, range('Darlington')).length, 0, 'front matter');
    assert.equal(tagSelectionActions(document, codebook, { start: 200, end: 200 }).length, 0, 'empty');
    assert.equal(tagSelectionActions(document, codebook, range(' and ')).length, 8);
  });
});

describe('core/language fix all', () => {
  it('takes the preferred fixes that do not overlap, whole', () => {
    const text = `---\narea: Stoke\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: t\n---\n[a]{.weaknes .weaknes theme=helth} []{.strength theme=x}\n`;
    const document = parseReport(text);
    const diagnostics = validateReport(document, defaultCodebook());
    const fixed = applyEdits(text, fixAllEdits(diagnostics));
    assert.equal(fixed, `---\narea: Stoke-on-Trent\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: t\nstatus: draft\n---\n[a]{.weakness theme=helth} \n`, 'attributes of unknown codes are not checked, so `helth` stays');
  });

  it('keeps two insertions at one point, and drops a fix overlapping one taken', () => {
    const fix = (start: number, end: number, newText: string) => ({ title: newText, preferred: true, edits: [{ range: { start, end }, newText }] });
    const diagnostic = (...fixes: ReturnType<typeof fix>[]) => ({ rule: 'field-missing' as const, severity: 'error' as const, message: '', range: { start: 0, end: 0 }, fixes });
    const edits = fixAllEdits([diagnostic(fix(5, 5, 'a'), fix(5, 5, 'b')), diagnostic(fix(2, 6, 'c')), diagnostic(fix(7, 9, 'd'), fix(8, 10, 'e'))]);
    assert.deepEqual(edits.map((e) => e.newText), ['a', 'b', 'd']);
  });
});
