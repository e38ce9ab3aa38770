import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { comparePaths, defaultCodebook, EXPORT_FORMATS, type ExportableReport, type ExportFormat } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { CONTEXT_LENGTH, documentRecord, type DocumentRecord, type FindingRecord } from '../../core/export/findingRecords';
import { FORMAT_VERSION, serializeFindings } from '../../core/export/serializers';
import { csvObjects, parseCsv } from '../helpers/csv';
import { buildReport } from '../helpers/report';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // 👨‍👩‍👧, a ZWJ sequence of five code points
const FLAG = '\u{1F1EC}\u{1F1E7}'; // 🇬🇧, two regional indicators
const RAINBOW = '\u{1F3F3}\uFE0F\u200D\u{1F308}'; // 🏳️‍🌈
const NFC = 'caf\u00E9';
const NFD = 'cafe\u0301';

const BODY = [
  `Families ${FAMILY} said [waits in ${FLAG} were long]{.weakness theme=health #w1}.`,
  `Caf\u00E9 (NFC) and Cafe\u0301 (NFD): [the ${NFC} team]{.strength theme=workforce} and [${NFD} staff]{.strength theme="workforce education"}.`,
  '日本語の[テキスト]{.quote speaker="一人の親" role=parent} here, in a longer line of Japanese text 日本語.',
  `[Outer with [inner \u{1F600}]{.improvement theme=health} and more`,
  'across a line]{.weakness theme=outcomes}, then a sentence long enough to give the suffix its full length.',
  `End [${RAINBOW}]{.recommendation}`,
].join('\n') + '\n';

const TAGGED = [
  `waits in ${FLAG} were long`,
  `the ${NFC} team`,
  `${NFD} staff`,
  'テキスト',
  `Outer with inner \u{1F600} and more\nacross a line`,
  `inner \u{1F600}`,
  RAINBOW,
];

interface Variant {
  readonly name: string;
  readonly text: string;
  readonly eol: string;
}

const VARIANTS: readonly Variant[] = [
  { name: 'LF', text: buildReport(BODY), eol: '\n' },
  { name: 'CRLF', text: buildReport(BODY, { eol: '\r\n' }), eol: '\r\n' },
  { name: 'BOM and CRLF', text: buildReport(BODY, { eol: '\r\n', bom: true }), eol: '\r\n' },
  { name: 'BOM and LF', text: buildReport(BODY, { bom: true }), eol: '\n' },
];

const points = (text: string): string[] => Array.from(text);

/** 1-based line and code point column of a source offset, computed independently of the exporter. */
function expectedPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, column: points(text.slice(lineStart, offset)).length + 1 };
}

describe('core/export records', () => {
  for (const variant of VARIANTS) {
    describe(`offsets on a text with emoji, accents, CJK (${variant.name})`, () => {
      const document = parseReport(variant.text);
      const record = documentRecord('reports/a.report.md', document, defaultCodebook());
      const clean = document.cleanText;
      const cleanPoints = points(clean);

      it('parses without problems and strips the markup exactly', () => {
        assert.deepEqual(document.problems, []);
        assert.equal(clean, BODY.replace(/\{[^}]*\}/g, '').replace(/[[\]]/g, '').replace(/\n/g, variant.eol));
        assert.ok(!clean.includes('\uFEFF'));
      });

      it('exports every span, in order, with its tagged text', () => {
        assert.deepEqual(record.findings.map((f) => f.exact), TAGGED.map((t) => t.replace(/\n/g, variant.eol)));
        assert.deepEqual(record.findings.map((f) => f.index), [0, 1, 2, 3, 4, 5, 6]);
      });

      it('gives UTF-16 offsets that slice the clean text to `exact`', () => {
        for (const finding of record.findings) assert.equal(clean.slice(finding.start_utf16, finding.end_utf16), finding.exact, `finding ${finding.index}`);
      });

      it('gives code point offsets that slice the code points to `exact`', () => {
        for (const finding of record.findings) {
          assert.equal(cleanPoints.slice(finding.start, finding.end).join(''), finding.exact, `finding ${finding.index}`);
          assert.equal(finding.end - finding.start, points(finding.exact).length);
        }
      });

      it('counts code points, not UTF-16 units, before an astral character', () => {
        const waits = record.findings[0];
        const expectedStart = points(`Families ${FAMILY} said `).length;
        assert.equal(waits.start, expectedStart);
        assert.equal(waits.start_utf16, `Families ${FAMILY} said `.length);
        assert.equal(waits.start_utf16 - waits.start, 3, 'three astral characters (two UTF-16 units each) before it');
        // NFD keeps the combining mark as its own code point.
        const nfd = record.findings[2];
        assert.equal(nfd.end - nfd.start, 'cafe\u0301 staff'.length);
      });

      it('gives 32 code points of context on each side (fewer at the edges)', () => {
        assert.equal(CONTEXT_LENGTH, 32);
        for (const finding of record.findings) {
          assert.equal(finding.prefix, cleanPoints.slice(Math.max(0, finding.start - 32), finding.start).join(''), `prefix ${finding.index}`);
          assert.equal(finding.suffix, cleanPoints.slice(finding.end, finding.end + 32).join(''), `suffix ${finding.index}`);
          assert.equal(points(finding.prefix).length, Math.min(32, finding.start));
          assert.equal(points(finding.suffix).length, Math.min(32, cleanPoints.length - finding.end));
        }
        assert.equal(record.findings[0].prefix, `Families ${FAMILY} said `);
        assert.equal(points(record.findings[4].suffix).length, 32);
        assert.equal(record.findings[6].suffix, variant.eol);
      });

      it('gives 1-based source lines and code point columns of the tagged text', () => {
        for (const finding of record.findings) {
          const span = document.spans[finding.index];
          assert.deepEqual(finding.source_start, expectedPosition(variant.text, span.textRange.start), `start ${finding.index}`);
          assert.deepEqual(finding.source_end, expectedPosition(variant.text, span.textRange.end), `end ${finding.index}`);
        }
        const bodyLine = variant.text.slice(0, document.bodyStart).split('\n').length;
        assert.deepEqual(record.findings[0].source_start, { line: bodyLine, column: points(`Families ${FAMILY} said [`).length + 1 });
        // The multi-line span ends on the next line, after `across a line`.
        assert.deepEqual(record.findings[4].source_end, { line: bodyLine + 4, column: 'across a line'.length + 1 });
        assert.deepEqual(record.findings[3].source_start, { line: bodyLine + 2, column: 6 });
      });

      it('hashes the clean text with SHA-256 and gives its length in both units', () => {
        assert.equal(record.text_sha256, createHash('sha256').update(Buffer.from(clean, 'utf8')).digest('hex'));
        assert.deepEqual(record.text_length, { code_points: cleanPoints.length, utf16: clean.length });
      });

      it('records ids, codes, themes, attributes and parents', () => {
        const [waits, , nfd, quote, outer, inner] = record.findings;
        assert.equal(waits.id, 'w1');
        assert.equal(nfd.id, null);
        assert.deepEqual(waits.codes, ['weakness']);
        assert.deepEqual(nfd.themes, ['workforce', 'education']);
        assert.deepEqual(quote.themes, []);
        assert.deepEqual(quote.attributes, { role: 'parent', speaker: '一人の親' });
        assert.deepEqual(Object.keys(nfd.attributes), ['theme']);
        assert.equal(inner.parent, outer.index);
        assert.equal(outer.parent, null);
      });

      it('records the front-matter fields', () => {
        assert.deepEqual(record.fields, { area: 'Darlington', framework: '2016', inspection_type: 'full', outcome: 'no_wsoa', annotator: 'tester', status: 'draft' });
        assert.equal(record.path, 'reports/a.report.md');
      });
    });
  }

  it('shifts offsets by the CRs of CRLF, and ignores a BOM', () => {
    const lf = documentRecord('a', parseReport(VARIANTS[0].text), defaultCodebook());
    const crlf = documentRecord('a', parseReport(VARIANTS[1].text), defaultCodebook());
    const bom = documentRecord('a', parseReport(VARIANTS[2].text), defaultCodebook());
    assert.notEqual(lf.text_sha256, crlf.text_sha256);
    assert.equal(crlf.text_sha256, bom.text_sha256, 'a BOM is not part of the clean text');
    assert.deepEqual(crlf.findings.map((f) => [f.start, f.end]), bom.findings.map((f) => [f.start, f.end]));
    // Each CR before a finding moves it by one code point and one UTF-16 unit.
    const lfClean = parseReport(VARIANTS[0].text).cleanText;
    lf.findings.forEach((finding, i) => {
      const breaksBefore = lfClean.slice(0, finding.start_utf16).split('\n').length - 1;
      const breaksInside = finding.exact.split('\n').length - 1;
      assert.equal(crlf.findings[i].start, finding.start + breaksBefore);
      assert.equal(crlf.findings[i].end, finding.end + breaksBefore + breaksInside);
      assert.equal(crlf.findings[i].start_utf16, finding.start_utf16 + breaksBefore);
    });
  });

  it('records a document without front matter with empty fields', () => {
    const record = documentRecord('x', parseReport('Just [text]{.strength theme=health}'), defaultCodebook());
    assert.deepEqual(record.fields, {});
    assert.equal(record.findings[0].exact, 'text');
    assert.deepEqual(record.findings[0].source_start, { line: 1, column: 7 });
  });

  it('keeps the first value of a repeated attribute and a repeated theme once', () => {
    const record = documentRecord('x', parseReport(buildReport('[a]{.weakness theme="health health,education" theme=outcomes severity=moderate}')), defaultCodebook());
    assert.deepEqual(record.findings[0].themes, ['health', 'education']);
    assert.deepEqual(record.findings[0].attributes, { severity: 'moderate', theme: 'health health,education' });
  });
});

describe('core/export serializers', () => {
  const codebook = defaultCodebook();
  /** The export of reports in any order: records in path order, serialised. */
  const serialized = (list: readonly ExportableReport[], format: ExportFormat): string =>
    serializeFindings(format, [...list].sort((a, b) => comparePaths(a.path, b.path)).map((r) => documentRecord(r.path, r.document, codebook)), codebook);
  const reports: ExportableReport[] = [
    { path: 'b/second.report.md', document: parseReport(buildReport(BODY, { eol: '\r\n', fields: { partners: '[Council, "CCG, North"]' }, extraYaml: 'source:\n  publisher: The Echo\n  url: https://example.org/x' })) },
    { path: 'a/first.report.md', document: parseReport(buildReport(' [ leading and trailing ]{.strength theme=health} "quoted", commas\n')) },
  ];

  describe('JSONL', () => {
    const content = serialized(reports, 'jsonl');
    const lines = content.split('\n');

    it('writes one JSON object per finding, one per line, ending with a newline', () => {
      assert.equal(lines.pop(), '');
      assert.equal(lines.length, 8);
      for (const line of lines) assert.equal(typeof JSON.parse(line), 'object');
      assert.ok(!content.includes('\r'), 'line breaks inside values are escaped');
    });

    it('orders findings by document path, then by position', () => {
      const rows = lines.map((line) => JSON.parse(line) as { path: string; index: number });
      assert.deepEqual(rows.map((row) => `${row.path}#${row.index}`), ['a/first.report.md#0', ...[0, 1, 2, 3, 4, 5, 6].map((i) => `b/second.report.md#${i}`)]);
    });

    it('flattens each finding with its document fields and hash', () => {
      const row = JSON.parse(lines[1]) as Record<string, unknown>;
      const record = documentRecord('b/second.report.md', reports[0].document, defaultCodebook());
      const finding = record.findings[0];
      assert.deepEqual(Object.keys(row), ['path', 'index', 'id', 'codes', 'themes', 'attributes', 'memo', 'exact', 'prefix', 'suffix', 'start', 'end', 'start_utf16', 'end_utf16', 'line', 'column', 'end_line', 'end_column', 'parent', 'text_sha256', 'fields']);
      assert.equal(row.exact, finding.exact);
      assert.equal(row.line, finding.source_start.line);
      assert.equal(row.column, finding.source_start.column);
      assert.equal(row.end_line, finding.source_end.line);
      assert.equal(row.end_column, finding.source_end.column);
      assert.equal(row.text_sha256, record.text_sha256);
      assert.deepEqual(row.fields, record.fields);
      assert.deepEqual((row.fields as Record<string, unknown>).partners, ['Council', 'CCG, North']);
    });
  });

  describe('CSV', () => {
    const content = serialized(reports, 'csv');
    const records = parseCsv(content);
    const rows = csvObjects(content);
    const jsonl = serialized(reports, 'jsonl').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

    it('parses back as RFC 4180 with CRLF record ends', () => {
      assert.ok(content.endsWith('\r\n'));
      assert.equal(records.length, 1 + 8);
      assert.ok(records.every((record) => record.length === records[0].length));
      // Outside quoted fields every line break is CRLF.
      const unquoted = content.replace(/"(?:[^"]|"")*"/g, '');
      assert.equal(unquoted.split('\r\n').length - 1, 9);
      assert.ok(!/[^\r]\n/.test(unquoted));
    });

    it('has the fixed columns, then one column per field, `source.*` flattened', () => {
      assert.deepEqual(records[0], [
        'path', 'index', 'id', 'codes', 'themes', 'attributes', 'memo', 'exact', 'prefix', 'suffix', 'start', 'end', 'start_utf16', 'end_utf16',
        'line', 'column', 'end_line', 'end_column', 'parent', 'text_sha256', 'report_memo',
        'area', 'framework', 'inspection_type', 'outcome', 'inspectorates', 'inspection_dates', 'published', 'partners',
        'source.publisher', 'source.url', 'source.retrieved', 'source.file', 'annotator', 'status',
      ]);
    });

    it('round-trips exact text with line breaks, quotes, commas and emoji', () => {
      assert.deepEqual(rows.map((row) => row.exact), jsonl.map((row) => row.exact));
      assert.deepEqual(rows.map((row) => row.prefix), jsonl.map((row) => row.prefix));
      assert.deepEqual(rows.map((row) => row.suffix), jsonl.map((row) => row.suffix));
      const multiLine = rows.find((row) => row.exact.startsWith('Outer'))!;
      assert.equal(multiLine.exact, `Outer with inner \u{1F600} and more\r\nacross a line`);
      assert.ok(content.includes(`"Outer with inner \u{1F600} and more\r\nacross a line"`), 'a cell with a line break is quoted');
    });

    it('quotes cells holding a bare LF or CR, so LF files give valid CSV', () => {
      const lf: ExportableReport[] = [{ path: 'lf.report.md', document: parseReport(buildReport('One.\n\n[two\nlines]{.weakness theme=health}\n\nThree\rfour.\n')) }];
      const csv = serialized(lf, 'csv');
      const [row] = csvObjects(csv);
      assert.equal(row.exact, 'two\nlines');
      assert.equal(row.prefix, 'One.\n\n');
      assert.equal(row.suffix, '\n\nThree\rfour.\n');
      assert.ok(csv.includes(',"two\nlines",'));
      assert.ok(!/[^\r]\n/.test(csv.replace(/"(?:[^"]|"")*"/g, '')), 'no bare LF outside quotes');
    });

    it('quotes cells with leading or trailing blanks, commas or quotes', () => {
      const first = rows[0];
      assert.equal(first.exact, ' leading and trailing ');
      assert.ok(content.includes('," leading and trailing ",'), 'blank-edged cell quoted');
      assert.equal(first.suffix, ' "quoted", commas\n');
      assert.ok(content.includes('," ""quoted"", commas\n",'), 'quotes doubled inside a quoted cell');
    });

    it('writes numbers, lists, attributes and fields as text cells', () => {
      for (let i = 0; i < rows.length; i++) {
        for (const column of ['index', 'start', 'end', 'start_utf16', 'end_utf16', 'line', 'column', 'end_line', 'end_column']) {
          assert.equal(rows[i][column], String(jsonl[i][column]), `${column} of row ${i}`);
        }
        assert.equal(rows[i].parent, jsonl[i].parent === null ? '' : String(jsonl[i].parent));
        assert.equal(rows[i].id, jsonl[i].id ?? '');
        assert.deepEqual(JSON.parse(rows[i].attributes), jsonl[i].attributes);
        assert.equal(rows[i].codes, (jsonl[i].codes as string[]).join(' '));
        assert.equal(rows[i].themes, (jsonl[i].themes as string[]).join(' '));
      }
      const second = rows[1];
      assert.equal(second.partners, 'Council; CCG, North');
      assert.equal(second['source.publisher'], 'The Echo');
      assert.equal(second['source.url'], 'https://example.org/x');
      assert.equal(second['source.retrieved'], '');
      assert.equal(second.framework, '2016');
      assert.equal(rows[0].partners, '');
    });
  });

  describe('JSON corpus', () => {
    const content = serialized(reports, 'json');
    const corpus = JSON.parse(content) as { format: string; version: number; codebook: { name: string; version: string }; documents: DocumentRecord[] };

    it('has the corpus shape, documents ordered by path', () => {
      assert.deepEqual(Object.keys(corpus), ['format', 'version', 'codebook', 'documents']);
      assert.equal(corpus.format, 'inspection-findings');
      assert.equal(corpus.version, FORMAT_VERSION);
      assert.deepEqual(corpus.codebook, { name: 'send', version: '1.0.0' });
      assert.deepEqual(corpus.documents.map((d) => d.path), ['a/first.report.md', 'b/second.report.md']);
      assert.deepEqual(Object.keys(corpus.documents[0]), ['path', 'fields', 'text_sha256', 'text_length', 'findings']);
      assert.ok(content.endsWith('}\n'));
    });

    it('holds the same records as documentRecord', () => {
      assert.deepEqual(corpus.documents[1], JSON.parse(JSON.stringify(documentRecord('b/second.report.md', reports[0].document, defaultCodebook()))));
      const finding: FindingRecord = corpus.documents[1].findings[0];
      assert.deepEqual(Object.keys(finding), ['index', 'id', 'codes', 'themes', 'attributes', 'memo', 'exact', 'prefix', 'suffix', 'start', 'end', 'start_utf16', 'end_utf16', 'source_start', 'source_end', 'parent']);
    });
  });

  describe('determinism', () => {
    for (const format of EXPORT_FORMATS) {
      it(`gives byte-identical ${format} for two parses and for any input order`, () => {
        const first = serialized(reports, format);
        const again = serialized(reports.map((r) => ({ path: r.path, document: parseReport(r.document.text) })), format);
        const reversed = serialized([...reports].reverse(), format);
        assert.equal(Buffer.compare(Buffer.from(first), Buffer.from(again)), 0);
        assert.equal(first, reversed);
      });
    }

    it('serialises an empty corpus', () => {
      assert.equal(serialized([], 'jsonl'), '');
      assert.equal(parseCsv(serialized([], 'csv')).length, 1);
      assert.deepEqual(JSON.parse(serialized([], 'json')).documents, []);
    });
  });
});
