import { strict as assert } from 'node:assert';
import { parseDocument } from 'yaml';
import { BUILTIN_CODEBOOK, BUILTIN_CODEBOOK_PATH, defaultCodebook, type CodebookSource, type DefinitionLocation } from '../../core';
import { codebookSchema } from '../../core/codebook/codebookSchema';
import { buildCodebook, type CodebookResult } from '../../core/codebook/loadCodebook';
import { parseReport } from '../../core/document/parseReport';
import { validateCodebookSchema } from '../../core/codebook/codebookSchema';
import { readRepoFile, reportFilesIn } from '../helpers/repo';
import { buildReport, diagnose, rangeText, single } from '../helpers/report';

const workspace = (text: string): CodebookSource => ({ kind: 'workspace', path: 'codebook.yaml', text });

function build(text: string): CodebookResult {
  return buildCodebook(BUILTIN_CODEBOOK, workspace(text));
}

/** Each diagnostic as `rule@"range text"`. */
function described(result: CodebookResult, text: string): string[] {
  return result.diagnostics.map((d) => `${d.rule}@${JSON.stringify(rangeText(text, d.range))}`);
}

function at(location: DefinitionLocation): string {
  return rangeText(location.source.text, location.range);
}

/** Offset of `key` on the line `indent + key + ':'` that follows the line `parentLine` (the first such line). */
function keyOffset(text: string, parentLine: string, indent: string, key: string): number {
  const parent = text.indexOf(`\n${parentLine}\n`);
  assert.notEqual(parent, -1, `no line ${parentLine}`);
  const line = text.indexOf(`\n${indent}${key}:`, parent);
  assert.notEqual(line, -1, `no key ${key} after ${parentLine}`);
  return line + 1 + indent.length;
}

const EXTENDING = `# A study codebook that adds to the built-in one.
name: my-study
version: "2.0"
codes:
  barrier:
    label: Barrier
    description: Something that stands in the way of families.
    color: "#123456"
    attributes:
      theme: { required: true, values: themes, multiple: true }
themes:
  health:
    label: Health (ours)
    definition: Our definition of health.
  transport:
    definition: Home to school transport.
fields:
  cohort:
    type: string
    required: true
`;

const REPLACING = `extends: none
name: minimal
version: "1"
codes:
  barrier: { description: A barrier. }
themes:
  transport: { definition: Transport. }
fields:
  area: { type: area, required: true }
`;

describe('core/codebook', () => {
  describe('the built-in codebook', () => {
    it('is the YAML file shipped in core/codebook', () => {
      assert.equal(BUILTIN_CODEBOOK.text, readRepoFile('core', 'codebook', 'send.codebook.yaml'));
      assert.equal(BUILTIN_CODEBOOK.kind, 'builtin');
      assert.equal(BUILTIN_CODEBOOK.path, BUILTIN_CODEBOOK_PATH);
    });

    it('uses the schema shipped in schemas/', () => {
      assert.deepEqual(codebookSchema(), JSON.parse(readRepoFile('schemas', 'codebook.schema.json')));
    });

    it('validates against schemas/codebook.schema.json', () => {
      const doc = parseDocument(BUILTIN_CODEBOOK.text);
      assert.deepEqual(doc.errors, []);
      assert.deepEqual(validateCodebookSchema(doc, doc.toJS()), []);
    });

    it('builds without diagnostics when given as a workspace codebook too', () => {
      const result = build(BUILTIN_CODEBOOK.text);
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual([...result.codebook.codes.keys()], [...defaultCodebook().codes.keys()]);
    });

    it('has the codes, themes and fields the samples use', () => {
      const codebook = defaultCodebook();
      for (const code of ['strength', 'weakness', 'wsoa', 'priority-action', 'improvement', 'recommendation', 'quote', 'response']) assert.ok(codebook.codes.has(code), code);
      for (const sample of reportFilesIn('samples')) {
        for (const span of parseReport(sample.text).spans) {
          for (const code of span.codes) assert.ok(codebook.codes.has(code.name), `${sample.name}: ${code.name}`);
          for (const theme of span.attributes.find((a) => a.key === 'theme')?.value.split(/\s+/) ?? []) assert.ok(codebook.themes.has(theme), `${sample.name}: ${theme}`);
        }
      }
      assert.deepEqual([...codebook.fields.values()].filter((f) => f.required).map((f) => f.name), ['area', 'framework', 'inspection_type', 'outcome', 'annotator', 'status']);
      assert.equal(codebook.name, 'send');
      assert.equal(codebook.version, '1.0.0');
      assert.deepEqual(codebook.sources, [BUILTIN_CODEBOOK]);
    });

    it('reads attributes, enum values, conditions and nested fields', () => {
      const codebook = defaultCodebook();
      const theme = codebook.codes.get('weakness')!.attributes.get('theme')!;
      assert.deepEqual([theme.required, theme.values, theme.multiple], [true, 'themes', true]);
      assert.deepEqual(codebook.codes.get('weakness')!.attributes.get('severity')!.values, ['significant', 'moderate']);
      assert.equal(codebook.codes.get('weakness')!.color, '#c62828');
      const outcome = codebook.fields.get('outcome')!.values!.get('inconsistent')!;
      assert.deepEqual([...outcome.when], [['framework', ['2023']], ['inspection_type', ['full', 'monitoring']]]);
      assert.deepEqual(outcome.expectsCodes, ['weakness', 'improvement']);
      assert.deepEqual([...codebook.fields.get('framework')!.values!.keys()], ['2016', '2023']);
      assert.equal(codebook.fields.get('status')!.default, 'draft');
      assert.equal(codebook.fields.get('inspection_dates')!.items!.type, 'date');
      assert.deepEqual([...codebook.fields.get('source')!.fields!.keys()], ['publisher', 'url', 'retrieved', 'file']);
      assert.equal(codebook.fields.get('source')!.fields!.get('publisher')!.required, true);
    });

    it('keeps descriptions with commas whole (flow mappings need them quoted)', () => {
      const codebook = defaultCodebook();
      assert.equal(codebook.codes.get('quote')!.attributes.get('speaker')!.description, 'Who is quoted, as the text names or describes them.');
      assert.equal(codebook.codes.get('wsoa')!.attributes.get('theme')!.description, 'The themes the statement must address, where named.');
      assert.equal(codebook.fields.get('framework')!.values!.get('2016')!.description, 'Local area SEND inspections from May 2016 to 2022, with revisits.');
      assert.equal(codebook.fields.get('source')!.fields!.get('retrieved')!.description, 'The date the text was retrieved, as an ISO date.');
    });

    it('locates every definition at its key', () => {
      const codebook = defaultCodebook();
      const text = BUILTIN_CODEBOOK.text;
      const weakness = codebook.codes.get('weakness')!.location;
      assert.equal(weakness.source, BUILTIN_CODEBOOK);
      assert.equal(at(weakness), 'weakness');
      assert.equal(weakness.range.start, keyOffset(text, 'codes:', '  ', 'weakness'));
      const health = codebook.themes.get('health')!.location;
      assert.equal(at(health), 'health');
      assert.equal(health.range.start, keyOffset(text, 'themes:', '  ', 'health'));
      const severity = codebook.codes.get('weakness')!.attributes.get('severity')!.location;
      assert.equal(severity.range.start, keyOffset(text, '  weakness:', '      ', 'severity'));
      const outcome = codebook.fields.get('outcome')!;
      assert.equal(outcome.location.range.start, keyOffset(text, 'fields:', '  ', 'outcome'));
      const value = outcome.values!.get('wsoa_required')!.location;
      assert.equal(at(value), 'wsoa_required');
      assert.equal(value.range.start, keyOffset(text, '  outcome:', '      ', 'wsoa_required'));
      const framework = codebook.fields.get('framework')!.values!.get('2016')!.location;
      assert.equal(at(framework), '"2016"');
      const publisher = codebook.fields.get('source')!.fields!.get('publisher')!.location;
      assert.equal(publisher.range.start, keyOffset(text, '  source:', '      ', 'publisher'));
      for (const code of codebook.codes.values()) assert.equal(at(code.location), code.name);
      for (const theme of codebook.themes.values()) assert.equal(at(theme.location), theme.name);
      for (const field of codebook.fields.values()) assert.equal(at(field.location), field.name);
    });
  });

  describe('a workspace codebook that extends the built-in one', () => {
    const result = build(EXTENDING);
    const { codebook } = result;

    it('builds without diagnostics', () => {
      assert.deepEqual(result.diagnostics, []);
    });

    it('adds its code after the built-in codes, located in the workspace file', () => {
      assert.deepEqual([...codebook.codes.keys()], [...defaultCodebook().codes.keys(), 'barrier']);
      const barrier = codebook.codes.get('barrier')!;
      assert.equal(barrier.label, 'Barrier');
      assert.equal(barrier.color, '#123456');
      assert.equal(barrier.location.source.kind, 'workspace');
      assert.equal(barrier.location.source.path, 'codebook.yaml');
      assert.equal(at(barrier.location), 'barrier');
      assert.equal(barrier.location.range.start, EXTENDING.indexOf('  barrier:') + 2);
      assert.equal(codebook.codes.get('weakness')!.location.source.kind, 'builtin');
    });

    it('overrides a built-in theme as a whole and adds a new one', () => {
      const health = codebook.themes.get('health')!;
      assert.equal(health.label, 'Health (ours)');
      assert.equal(health.definition, 'Our definition of health.');
      assert.equal(health.location.source.kind, 'workspace');
      assert.equal(health.location.range.start, EXTENDING.indexOf('  health:') + 2);
      assert.equal(codebook.themes.get('transport')!.label, 'transport');
      assert.equal(codebook.themes.get('leadership')!.location.source.kind, 'builtin');
      assert.equal(codebook.themes.size, 17);
    });

    it('takes its name and version, and lists both sources', () => {
      assert.equal(codebook.name, 'my-study');
      assert.equal(codebook.version, '2.0');
      assert.deepEqual(codebook.sources.map((source) => source.kind), ['builtin', 'workspace']);
    });

    it('validates reports against the extended codebook', () => {
      const good = buildReport('[no bus]{.barrier theme="transport health"} and [waits]{.weakness theme=transport}\n', { fields: { cohort: 'A' } });
      assert.deepEqual(diagnose(good, codebook).diagnostics, []);
      const noCohort = buildReport('[no bus]{.barrier theme=transport}\n');
      assert.equal(rangeText(noCohort, single(diagnose(noCohort, codebook).diagnostics, 'field-missing').range), '---');
      assert.deepEqual(diagnose(noCohort).diagnostics.map((d) => d.rule), ['code-unknown']);
    });
  });

  describe('a workspace codebook with `extends: none`', () => {
    const result = build(REPLACING);
    const { codebook } = result;

    it('replaces the built-in codebook', () => {
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual([...codebook.codes.keys()], ['barrier']);
      assert.deepEqual([...codebook.themes.keys()], ['transport']);
      assert.deepEqual([...codebook.fields.keys()], ['area']);
      assert.equal(codebook.name, 'minimal');
      assert.deepEqual(codebook.sources.map((source) => source.kind), ['workspace']);
    });

    it('validates reports against its own definitions only', () => {
      assert.deepEqual(diagnose('---\narea: Darlington\n---\n[x]{.barrier}\n', codebook).diagnostics, []);
      const text = '---\narea: Darlington\n---\n[x]{.weakness theme=health}\n';
      assert.deepEqual(diagnose(text, codebook).diagnostics.map((d) => d.rule), ['code-unknown']);
    });

    it('cannot refer to built-in codes it no longer has', () => {
      const text = 'extends: none\ncodes:\n  barrier: { description: B. }\nfields:\n  outcome:\n    type: enum\n    values:\n      bad: { expects_codes: [weakness] }\n';
      const bad = build(text);
      assert.deepEqual(described(bad, text), ['codebook-reference@"bad"']);
      assert.match(bad.diagnostics[0].message, /`weakness`/);
    });
  });

  describe('invalid workspace codebooks', () => {
    const cases: Array<{ what: string; text: string; expected: string[] }> = [
      { what: 'bad YAML', text: 'name: x\nname: y\n', expected: ['codebook-yaml@"n"'] },
      { what: 'YAML cut short at the end of the file', text: 'codes:\n  a: {description: x\n', expected: ['codebook-yaml@""'] },
      { what: 'an alias without an anchor', text: 'name: x\ncodes: *missing\n', expected: ['codebook-yaml@"*missing"'] },
      { what: 'an unknown property of a code', text: 'codes:\n  barrier:\n    description: A barrier.\n    colour: "#123456"\n', expected: ['codebook-schema@"colour"'] },
      { what: 'a bad colour value', text: 'codes:\n  barrier:\n    description: A barrier.\n    color: red\n', expected: ['codebook-schema@"red"'] },
      { what: 'a code without its description', text: 'codes:\n  barrier:\n    label: Barrier\n', expected: ['codebook-schema@"barrier"'] },
      { what: 'an invalid code name', text: 'codes:\n  Bad_Code:\n    description: x\n', expected: ['codebook-schema@"Bad_Code"'] },
      { what: 'an invalid field name', text: 'fields:\n  Bad-Field: { type: string }\n', expected: ['codebook-schema@"Bad-Field"'] },
      { what: 'an unknown `extends`', text: 'extends: maybe\n', expected: ['codebook-schema@"maybe"'] },
      { what: 'a theme without a definition', text: 'themes:\n  health: { label: H }\n', expected: ['codebook-schema@"health"'] },
      { what: 'an enum field without values', text: 'fields:\n  thing: { type: enum }\n', expected: ['codebook-schema@"thing"'] },
      { what: 'an unknown field type', text: 'fields:\n  thing: { type: text }\n', expected: ['codebook-schema@"text"'] },
      { what: 'codes as a list', text: 'codes: [a, b]\n', expected: ['codebook-schema@"[a, b]"'] },
      { what: 'a top-level key the schema does not know', text: 'name: x\ncolours: {}\n', expected: ['codebook-schema@"colours"'] },
      { what: 'a codebook that is a list', text: '- a\n- b\n', expected: ['codebook-schema@"- a\\n- b\\n"'] },
      {
        what: 'references to an undefined code and field',
        text: 'fields:\n  outcome:\n    type: enum\n    values:\n      bad: { expects_codes: [nothing] }\n      worse: { when: { nofield: x } }\n',
        expected: ['codebook-reference@"bad"', 'codebook-reference@"worse"'],
      },
    ];
    for (const c of cases) {
      it(`reports ${c.what}, with the range of the offending part, and falls back to the built-in codebook`, () => {
        const result = build(c.text);
        assert.deepEqual(described(result, c.text), c.expected);
        for (const d of result.diagnostics) {
          assert.equal(d.severity, 'error');
          assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= c.text.length, `${d.rule} ${JSON.stringify(d.range)} out of the text`);
          assert.ok(d.message.length > 0);
        }
        assert.deepEqual([...result.codebook.codes.keys()], [...defaultCodebook().codes.keys()]);
        assert.deepEqual(result.codebook.sources, [BUILTIN_CODEBOOK]);
      });
    }

    it('says what is wrong in codebook-schema messages', () => {
      const messages = (text: string) => build(text).diagnostics.map((d) => d.message);
      assert.deepEqual(messages('codes:\n  barrier:\n    description: A barrier.\n    colour: "#123456"\n'), ['`codes.barrier` has an unknown property `colour`.']);
      assert.deepEqual(messages('codes:\n  barrier:\n    label: Barrier\n'), ['`codes.barrier` needs `description`.']);
      assert.deepEqual(messages('extends: maybe\n'), ['`extends` must be one of `send`, `none`.']);
      assert.match(messages('codes:\n  Bad_Code:\n    description: x\n')[0], /^`Bad_Code` is not a valid name here: it must match \^\[a-z\]/);
    });

    it('treats an empty workspace codebook as adding nothing', () => {
      const result = build('');
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual([...result.codebook.codes.keys()], [...defaultCodebook().codes.keys()]);
      assert.deepEqual(build('# only a comment\n').diagnostics, []);
    });

    it('does not report schema problems on top of YAML problems', () => {
      const text = 'codes: [\ncolours: 1\n';
      const result = build(text);
      assert.ok(result.diagnostics.length > 0);
      assert.ok(result.diagnostics.every((d) => d.rule === 'codebook-yaml'), described(result, text).join(', '));
    });
  });
});
