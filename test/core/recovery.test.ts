import { strict as assert } from 'node:assert';
import { defaultCodebook, type ReportDocument } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { validateReport } from '../../core/validate/validateReport';
import { rangeOf, rangeText } from '../helpers/report';

function problems(document: ReportDocument): Array<[string, string]> {
  return document.problems.map((problem) => [problem.code, rangeText(document.text, problem.range)]);
}

function codesOf(document: ReportDocument): string[] {
  return document.spans.map((span) => span.codes.map((code) => code.name).join('+'));
}

const HEAD = '---\narea: Darlington\n---\n';

describe('core/document recovery from malformed markup', () => {
  describe('unclosed attribute block', () => {
    it('reports the span from `[` to the line end and still finds the spans after it', () => {
      const text = `${HEAD}One [a]{.weakness theme=health\nTwo [b]{.strength theme=education} three [c]{.quote speaker=x}.\n`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-unclosed', '[a]{.weakness theme=health']]);
      assert.deepEqual(doc.problems[0].range, rangeOf(text, '[a]{.weakness theme=health'));
      assert.deepEqual(codesOf(doc), ['strength', 'quote']);
      // The unclosed markup stays in the text; later spans are stripped as usual.
      assert.equal(doc.cleanText, 'One [a]{.weakness theme=health\nTwo b three c.\n');
      const [b, c] = doc.spans;
      assert.equal(doc.cleanText.slice(b.clean.start, b.clean.end), 'b');
      assert.equal(doc.cleanText.slice(c.clean.start, c.clean.end), 'c');
    });

    it('reports an unclosed block at the very end of the text', () => {
      const text = `${HEAD}End [x]{.weakness`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-unclosed', '[x]{.weakness']]);
      assert.equal(doc.problems[0].range.end, text.length);
      assert.deepEqual(doc.spans, []);
    });

    it('reports `]{` right at the end of the text', () => {
      const text = `${HEAD}[x]{`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-unclosed', '[x]{']]);
      assert.equal(doc.cleanText, '[x]{');
    });

    it('stops the block at a CRLF line end', () => {
      const text = '---\r\na: b\r\n---\r\n[x]{.weakness\r\n[y]{.strength}\r\n';
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-unclosed', '[x]{.weakness']]);
      assert.deepEqual(codesOf(doc), ['strength']);
    });

    it('keeps the enclosing span intact when an inner block is unclosed on another line', () => {
      const text = `${HEAD}[outer [inner]{.x\nstill outer]{.weakness theme=health}`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-unclosed', '[inner]{.x']]);
      assert.deepEqual(codesOf(doc), ['weakness']);
      assert.equal(rangeText(text, doc.spans[0].textRange), 'outer [inner]{.x\nstill outer');
    });

    it('reports an unclosed block without an opening bracket from the `]`', () => {
      const text = `${HEAD}text]{.weakness\n[ok]{.strength}`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-unclosed', ']{.weakness']]);
      assert.deepEqual(codesOf(doc), ['strength']);
    });
  });

  describe('stray close', () => {
    it('reports `]{…}` that closes no span, with its exact range, and keeps it as text', () => {
      const text = `${HEAD}Before]{.weakness theme=health} and [after]{.strength}.`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-stray-close', ']{.weakness theme=health}']]);
      assert.deepEqual(doc.problems[0].range, rangeOf(text, ']{.weakness theme=health}'));
      assert.deepEqual(codesOf(doc), ['strength']);
      assert.equal(doc.cleanText, 'Before]{.weakness theme=health} and after.');
    });

    it('treats a `]{…}` after a closed span as stray, not as closing it again', () => {
      const text = `${HEAD}[a]{.x}]{.y}`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-stray-close', ']{.y}']]);
      assert.deepEqual(codesOf(doc), ['x']);
    });

    it('does not let `[sic]` leave a stray opener behind', () => {
      const text = `${HEAD}[sic] word]{.x}`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-stray-close', ']{.x}']]);
      assert.deepEqual(doc.spans, []);
    });
  });

  describe('bad YAML', () => {
    it('reports the error inside the front matter and still parses the body', () => {
      const text = '---\narea: [unclosed\nframework: x\n---\nBody [a]{.weakness theme=health}.';
      const doc = parseReport(text);
      assert.equal(doc.problems.length, 1);
      const problem = doc.problems[0];
      assert.equal(problem.code, 'yaml-syntax');
      assert.match(problem.message, /^YAML: /);
      assert.ok(problem.range.start >= doc.frontMatter!.contentRange.start && problem.range.end <= doc.frontMatter!.contentRange.end, 'range inside the YAML');
      assert.ok(problem.range.end > problem.range.start, 'a non-empty range');
      assert.equal(doc.frontMatter!.closed, true);
      assert.equal(doc.cleanText, 'Body a.');
      assert.deepEqual(codesOf(doc), ['weakness']);
    });

    it('points a duplicate key at the second occurrence', () => {
      const text = '---\narea: a\narea: b\n---\nB';
      const doc = parseReport(text);
      assert.deepEqual(doc.problems.map((p) => p.code), ['yaml-syntax']);
      assert.equal(doc.problems[0].range.start, rangeOf(text, 'area', 1).start);
      assert.match(doc.problems[0].message, /unique/);
    });

    it('points a tab used as indentation at the tab', () => {
      const text = '---\n\tk: v\n---\nB';
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['yaml-syntax', '\t']]);
    });

    it('keeps an error at the end of the YAML inside the front matter', () => {
      const text = '---\nk: "open\n---\n[x]{.y}';
      const doc = parseReport(text);
      assert.deepEqual(doc.problems.map((p) => p.code), ['yaml-syntax']);
      const { start, end } = doc.problems[0].range;
      assert.ok(start >= 4 && end <= doc.frontMatter!.contentRange.end && start <= end, JSON.stringify(doc.problems[0].range));
      assert.deepEqual(codesOf(doc), ['y']);
      assert.equal(doc.cleanText, 'x');
    });

    it('reports front matter that is not a mapping, over the whole value', () => {
      const text = '---\n- a\n- b\n---\nB';
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['yaml-syntax', '- a\n- b']]);
      assert.equal(doc.frontMatter!.isMapping, false);
      assert.deepEqual(doc.frontMatter!.fields, []);
      assert.equal(doc.cleanText, 'B');
    });

    it('reports an alias without an anchor at the alias', () => {
      const text = '---\narea: *missing\n---\nBody [a]{.x}';
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['yaml-syntax', '*missing']]);
      assert.equal(doc.frontMatter!.fields[0].value, null);
      assert.deepEqual(codesOf(doc), ['x']);
    });

    it('reports a bare string as front matter', () => {
      const doc = parseReport('---\njust a string\n---\n');
      assert.deepEqual(problems(doc), [['yaml-syntax', 'just a string']]);
    });
  });

  describe('unclosed front matter', () => {
    it('ends the front matter at the first blank line, reports the opening `---`, and parses the body after it', () => {
      const text = '---\narea: Darlington\nstatus: draft\n\nBody [a]{.weakness theme=health}.\n';
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['frontmatter-unclosed', '---']]);
      assert.deepEqual(doc.problems[0].range, { start: 0, end: 3 });
      assert.equal(doc.frontMatter!.closed, false);
      assert.deepEqual(doc.frontMatter!.fields.map((f) => [f.key, f.value]), [['area', 'Darlington'], ['status', 'draft']]);
      assert.equal(doc.bodyStart, text.indexOf('\n\nBody') + 1);
      assert.deepEqual(doc.frontMatter!.range, { start: 0, end: doc.bodyStart });
      assert.equal(doc.cleanText, '\nBody a.\n');
      assert.deepEqual(codesOf(doc), ['weakness']);
    });

    it('reports the `---` after a BOM', () => {
      const text = '\uFEFF---\narea: X\n\nBody';
      const doc = parseReport(text);
      assert.deepEqual(doc.problems.map((p) => [p.code, p.range]), [['frontmatter-unclosed', { start: 1, end: 4 }]]);
      assert.equal(doc.cleanText, '\nBody');
    });

    it('with no blank line, takes everything as front matter (and reports the YAML it cannot read)', () => {
      const text = '---\narea: X\nBody';
      const doc = parseReport(text);
      assert.deepEqual(doc.problems.map((p) => p.code), ['frontmatter-unclosed', 'yaml-syntax']);
      assert.equal(doc.bodyStart, text.length);
      assert.equal(doc.cleanText, '');
    });

    it('handles CRLF and a blank line holding only spaces', () => {
      const text = '---\r\narea: X\r\n  \r\nBody [b]{.x}';
      const doc = parseReport(text);
      assert.deepEqual(doc.problems.map((p) => p.code), ['frontmatter-unclosed']);
      assert.equal(doc.bodyStart, text.indexOf('  \r\n'));
      assert.equal(doc.cleanText, '  \r\nBody b');
    });
  });

  describe('attribute-block tokens', () => {
    it('reports an unterminated quote with its range, and the block as unclosed', () => {
      const text = `${HEAD}[a]{.quote speaker="Jon Clarke\nNext [b]{.strength theme=health}`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [
        ['span-unclosed', '[a]{.quote speaker="Jon Clarke'],
        ['span-syntax', 'speaker="Jon Clarke'],
      ]);
      assert.match(doc.problems.find((p) => p.code === 'span-syntax')!.message, /quoted value/);
      assert.deepEqual(codesOf(doc), ['strength']);
    });

    it('reports words that are not attributes, joining consecutive ones into one problem', () => {
      const text = `${HEAD}[a]{.weakness theme=health some stray words severity=significant}`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-syntax', 'some stray words']]);
      const span = doc.spans[0];
      assert.deepEqual(span.codes.map((c) => c.name), ['weakness']);
      assert.deepEqual(span.attributes.map((a) => [a.key, a.value]), [['theme', 'health'], ['severity', 'significant']]);
    });

    it('reports a value without a key, and empty `.` and `#` tokens separately', () => {
      const text = `${HEAD}[a]{.weakness =oops . # theme=health}`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-syntax', '=oops'], ['span-syntax', '.'], ['span-syntax', '#']]);
      assert.deepEqual(doc.spans[0].attributes.map((a) => a.key), ['theme']);
      assert.deepEqual(doc.spans[0].ids, []);
    });

    it('only reports the missing `}` for words after an unclosed block', () => {
      const text = `${HEAD}[a]{.weakness stray words\n`;
      const doc = parseReport(text);
      assert.deepEqual(problems(doc), [['span-unclosed', '[a]{.weakness stray words']]);
    });
  });

  describe('never throws', () => {
    const nasty = [
      '', '\uFEFF', '---', '---\n', '---\n---', '---\r\n', '\r', '\r\n\r\n', '[', ']', '{', '}', ']{', '[]{', '[]{}', ']{}',
      '[[[[[[[[[', ']]]]]]]', ']{]{]{]{', '[a]{.', '[a]{#', '[a]{=', '[a]{k="', "[a]{k='\\", '[a]{k="\\', '[a]{k=\\"}',
      '---\n: : :\n---\n', '---\n[\n---\n', '---\n{a: [}\n---\n', '---\n&a *b\n---\n', '---\n? x\n---\n[y]{.z}',
      '---\nsource: [a, b]\n---\n', '---\nsource: plain\n---\n', '---\narea: 12\nsource:\n  publisher: [1]\n---\n',
      '\uD800[a]{.b\uDC00}', '[\uD83D]{.x}', '\u0000[\u0000]{.\u0000}', '---\narea: \uD800\n---\n',
      '[a]{.b}'.repeat(200), '['.repeat(1000) + ']{.x}'.repeat(1000), ']{.x}'.repeat(500),
    ];
    for (const text of nasty) {
      it(`parses and validates ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`, () => {
        const doc = parseReport(text);
        const diagnostics = validateReport(doc, defaultCodebook());
        for (const d of diagnostics) assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length, `${d.rule} ${JSON.stringify(d.range)}`);
        for (const span of doc.spans) assert.ok(span.clean.start <= span.clean.end && span.clean.end <= doc.cleanText.length);
      });
    }

    it('still finds the well-formed span after a mix of every kind of damage', () => {
      const text = '---\narea: [\n---\n]{.x} [a]{.b k="open\n[c]{=bad} [d]{.e\n[good]{.strength theme=health}';
      const doc = parseReport(text);
      assert.deepEqual(doc.problems.map((p) => p.code).sort(), ['span-stray-close', 'span-syntax', 'span-syntax', 'span-unclosed', 'span-unclosed', 'yaml-syntax']);
      assert.deepEqual(codesOf(doc), ['', 'strength']);
      assert.equal(doc.cleanText.slice(doc.spans[1].clean.start, doc.spans[1].clean.end), 'good');
    });
  });
});
