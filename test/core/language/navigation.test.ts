import { strict as assert } from 'node:assert';
import { BUILTIN_CODEBOOK, codebookSummary, definitionAt, documentSummary, highlightsAt, hoverAt, referenceTargetAt, workspaceSymbols } from '../../../core';
import { buildCodebook } from '../../../core/codebook/loadCodebook';
import { parseReport } from '../../../core/document/parseReport';
import { findReferences } from '../../../core/language/references';
import { validateReport } from '../../../core/validate/validateReport';
import { cursor, FRONT, slice } from './cursor';

describe('core/language hover', () => {
  const hover = (marked: string) => {
    const { document, offset, codebook, text } = cursor(marked);
    const result = hoverAt(document, codebook, offset);
    return result && { contents: result.contents, text: slice(text, result.range) };
  };

  it('describes codes, themes, attributes and their values', () => {
    const code = hover(`${FRONT}[a]{.resp|onse speaker=x}`)!;
    assert.equal(code.text, 'response');
    assert.match(code.contents, /^\*\*Official response\*\* · code `\.response`\n\nA reply to the inspection/);
    assert.match(code.contents, /- `stance` \(`accepts`, `welcomes`, `disputes`, `mixed`\) — What the response does with the findings\./);
    assert.match(hover(`${FRONT}[a]{.weakness theme=ehc-pl|ans}`)!.contents, /\*\*EHC plans\*\* · theme `ehc-plans`\n\nEducation, health and care plans/);
    assert.match(hover(`${FRONT}[a]{.weakness theme=nope|}`)!.contents, /`nope` is not a theme/);
    assert.match(hover(`${FRONT}[a]{.quote ro|le=parent}`)!.contents, /\*\*role\*\* · attribute of `\.quote`\n\nThe speaker's standing\.\n\nValues: `parent`, `carer`/);
    assert.match(hover(`${FRONT}[a]{.quote role=par|ent}`)!.contents, /\*\*parent\*\* · a value of `role` on `\.quote`/);
    assert.match(hover(`${FRONT}[a]{.wsoa #my-i|d}`)!.contents, /\*\*#my-id\*\* · span id\n\na/);
  });

  it('describes fields, enum values and areas', () => {
    assert.match(hover('---\nout|come: positive\n---\n')!.contents, /^\*\*outcome\*\* · one of a list, required\n\nThe published outcome/);
    assert.match(hover('---\noutcome: posi|tive\n---\n')!.contents, /^\*\*Typically positive experiences and outcomes\*\* · `positive`, a value of `outcome`[\s\S]*Only with framework `2023` and inspection_type `full` or `monitoring`\./);
    assert.match(hover('---\ninspectorates: [Ofs|ted]\n---\n')!.contents, /`Ofsted`, a value of `inspectorates`/);
    assert.match(hover('---\nsource:\n  pub|lisher: x\n---\n')!.contents, /^\*\*source\.publisher\*\* · text, required/);
    assert.match(hover('---\narea: Sto|ke\n---\n')!.contents, /^\*\*Stoke-on-Trent\*\* · Unitary authority, West Midlands\n\nWritten here as `Stoke`/);
    assert.match(hover('---\narea: Cleve|land\n---\n')!.contents, /no longer a local authority/);
  });

  it('gives nothing in plain text', () => assert.equal(hover(`${FRONT}Pl|ain`), undefined));
});

describe('core/language definition, references, highlights', () => {
  const workspace = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: '/w/codebook.yaml', text: 'codes:\n  concern:\n    label: Concern\n    description: A worry.\n' }).codebook;

  it('goes to the codebook entry of codes, themes, attributes, fields and values', () => {
    const target = (marked: string) => {
      const { document, offset, codebook } = cursor(marked);
      const found = definitionAt(document, codebook, offset);
      return found?.kind === 'codebook' ? `${found.location.source.path}:${slice(found.location.source.text, found.location.range)}` : found;
    };
    assert.equal(target(`${FRONT}[a]{.weak|ness}`), 'builtin:send.codebook.yaml:weakness');
    assert.equal(target(`${FRONT}[a]{.weakness theme=heal|th}`), 'builtin:send.codebook.yaml:health');
    assert.equal(target(`${FRONT}[a]{.weakness sever|ity=moderate}`), 'builtin:send.codebook.yaml:severity');
    assert.equal(target('---\nframe|work: "2016"\n---\n'), 'builtin:send.codebook.yaml:framework');
    assert.equal(target('---\noutcome: no_w|soa\n---\n'), 'builtin:send.codebook.yaml:no_wsoa');
    assert.equal(target(`${FRONT}[a]{.nothing|}`), undefined);
    const { document, offset } = cursor(`${FRONT}[a]{.concern|}`);
    const concern = definitionAt(document, workspace, offset);
    assert.ok(concern?.kind === 'codebook' && concern.location.source.path === '/w/codebook.yaml');
  });

  it('goes from a repeated id to its first use', () => {
    const { document, offset, codebook, text } = cursor(`${FRONT}[a]{.wsoa #x} [b]{.wsoa #|x}`);
    const found = definitionAt(document, codebook, offset);
    assert.ok(found?.kind === 'document');
    assert.equal(found.range.start, text.indexOf('#x') + 1);
  });

  it('finds the uses of a code or theme across reports, and highlights them in one', () => {
    const codebook = workspace;
    const one = parseReport(`${FRONT}[a]{.weakness theme="health outcomes"} [b]{.quote .weakness speaker=x theme=health}`);
    const two = parseReport(`${FRONT}[c]{.weakness theme=leadership} [d]{.strength theme=health}`);
    const reports = [{ path: 'one', document: one }, { path: 'two', document: two }];
    assert.deepEqual(findReferences(reports, codebook, { kind: 'code', name: 'weakness' }).map((l) => `${l.path}:${slice(l.path === 'one' ? one.text : two.text, l.range)}`), ['one:weakness', 'one:weakness', 'two:weakness']);
    assert.equal(findReferences(reports, codebook, { kind: 'theme', name: 'health' }).length, 3);
    const { document, offset } = cursor(`${FRONT}[a]{.weakness theme="health outcomes"} [b]{.quote speaker=x theme=he|alth}`);
    assert.equal(highlightsAt(document, codebook, offset).length, 2);
    assert.deepEqual(referenceTargetAt(document, codebook, offset) && { ...referenceTargetAt(document, codebook, offset)!, range: undefined }, { kind: 'theme', name: 'health', range: undefined });
  });
});

describe('core/language workspace symbols and summaries', () => {
  const one = parseReport(`${FRONT}[They called for a statement]{.wsoa #darlington-wsoa} and [leaders were slow]{.weakness theme=leadership}`);

  it('finds spans by code and text, and ids, with the query letters in order', () => {
    const reports = [{ path: 'one', document: one }];
    assert.deepEqual(workspaceSymbols(reports, 'wsoa').map((s) => s.name), ['wsoa: They called for a statement', '#darlington-wsoa']);
    assert.deepEqual(workspaceSymbols(reports, 'slow').map((s) => s.name), ['weakness: leaders were slow']);
    assert.deepEqual(workspaceSymbols(reports, 'dwsoa').map((s) => s.name), ['#darlington-wsoa']);
    assert.equal(workspaceSymbols(reports, '').length, 3);
    assert.equal(workspaceSymbols(reports, '', 1).length, 1);
  });

  it('summarises the codebook and a report', () => {
    const summary = codebookSummary(cursor('|').codebook);
    assert.equal(summary.codes.find((c) => c.name === 'quote')!.attributes.find((a) => a.name === 'speaker')!.values, null);
    assert.deepEqual(summary.codes.find((c) => c.name === 'weakness')!.attributes.find((a) => a.name === 'severity')!.values, ['significant', 'moderate']);
    const document = parseReport(`${FRONT}[a]{.weaknes} [b]{.weakness .quote speaker=x theme=health}`);
    assert.deepEqual(documentSummary(document, validateReport(document, cursor('|').codebook), cursor('|').codebook), { spans: 2, byCode: { quote: 1, weakness: 1, weaknes: 1 }, errors: 1, warnings: 0 });
  });
});
