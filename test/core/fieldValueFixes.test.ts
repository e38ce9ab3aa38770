import { strict as assert } from 'node:assert';
import { defaultCodebook, type Diagnostic } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import type { Fix } from '../../core/diagnostics/diagnostic';
import { validateReport } from '../../core/validate/validateReport';
import { applyEdits } from './language/cursor';

/** A valid report with these lines in its front matter, each in place of the field of the same key (or added). */
function report(...lines: string[]): string {
  const fields = ['area: Darlington', 'framework: "2016"', 'inspection_type: full', 'outcome: no_wsoa', 'annotator: jd', 'status: draft'];
  for (const line of lines) {
    const key = line.slice(0, line.indexOf(':') + 1);
    const at = fields.findIndex((field) => field.startsWith(key));
    if (at >= 0) fields[at] = line;
    else fields.push(line);
  }
  return `---\n${fields.join('\n')}\n---\nInspectors found [delays]{.weakness theme=health}.\n`;
}

const diagnose = (text: string) => validateReport(parseReport(text), defaultCodebook());

function only(text: string, rule: string): Diagnostic {
  const found = diagnose(text).filter((d) => d.rule === rule);
  assert.equal(found.length, 1, `${rule} in ${JSON.stringify(diagnose(text).map((d) => d.rule))}`);
  return found[0];
}

/** The fix applied, after checking that it edits only the given line of the report and keeps the article text. */
function applied(text: string, fix: Fix, line: string): string {
  const lineStart = text.indexOf(line);
  assert.ok(lineStart >= 0);
  for (const edit of fix.edits) {
    assert.ok(edit.range.start >= lineStart && edit.range.end <= lineStart + line.length, `${fix.title} edits outside \`${line}\``);
  }
  const after = applyEdits(text, fix.edits);
  assert.equal(parseReport(after).cleanText, parseReport(text).cleanText);
  return after;
}

const titles = (diagnostic: Diagnostic) => diagnostic.fixes.map((fix) => `${fix.title}${fix.preferred ? ' (preferred)' : ''}`);

describe('core/validate fixes of a field value in place', () => {
  it('a stray quote after an allowed value: corrects the quotes, nothing else', () => {
    const text = report('framework: 2016"');
    const diagnostic = only(text, 'field-value');
    assert.deepEqual(titles(diagnostic), ['Correct the quotes: `"2016"` (preferred)']);
    const after = applied(text, diagnostic.fixes[0], 'framework: 2016"');
    assert.equal(after, report('framework: "2016"'));
    assert.deepEqual(diagnose(after), []);
  });

  it('a stray quote after a year the codebook does not allow: offers the allowed values, on the field itself', () => {
    const text = report('framework: 2017"');
    const diagnostic = only(text, 'field-value');
    assert.deepEqual(titles(diagnostic), ['Change to `2016`', 'Change to `2023`']);
    assert.equal(text.slice(diagnostic.range.start, diagnostic.range.end), '2017"');
    const after = applied(text, diagnostic.fixes[0], 'framework: 2017"');
    assert.equal(after, report('framework: "2016"'));
    assert.deepEqual(diagnose(after), []);
  });

  it('an out-of-range year: the nearest value preferred, then the others', () => {
    const text = report('framework: 2019');
    const diagnostic = only(text, 'field-value');
    assert.deepEqual(titles(diagnostic), ['Change to `2016` (preferred)', 'Change to `2023`']);
    assert.equal(applied(text, diagnostic.fixes[1], 'framework: 2019'), report('framework: "2023"'));
  });

  it('offers only the values the other fields allow', () => {
    const diagnostic = only(report('outcome: no_wsao'), 'field-value');
    assert.deepEqual(titles(diagnostic), ['Change to `no_wsoa` (preferred)', 'Change to `wsoa_required`']);
  });

  it('an unclosed quote: closes it at the end of the field\'s line, from the YAML error and from the field', () => {
    const line = 'framework: "2016';
    const text = report(line);
    const syntax = only(text, 'yaml-syntax');
    assert.deepEqual(titles(syntax), ['Close the quote of `framework`: `"2016"` (preferred)']);
    const closed = applied(text, syntax.fixes[0], line);
    assert.equal(closed, report('framework: "2016"'));
    assert.deepEqual(diagnose(closed), []);
    // YAML read the next lines into the value: the fix of the value still replaces only its own line.
    const value = only(text, 'field-value');
    assert.ok(text.slice(value.range.start, value.range.end).includes('\n'));
    assert.deepEqual(diagnose(applied(text, value.fixes[0], line)), []);
  });

  it('closes the quote of a free-text field too, which has no error of its own', () => {
    const text = report("annotator: 'jd");
    const syntax = only(text, 'yaml-syntax');
    assert.deepEqual(titles(syntax), ["Close the quote of `annotator`: `'jd'` (preferred)"]);
    assert.deepEqual(diagnose(applied(text, syntax.fixes[0], "annotator: 'jd")), []);
  });

  it('a date spoilt by a stray quote: the date without it', () => {
    for (const line of ['published: 2023-03-14"', 'inspection_dates:\n  - 2023-03-14\n  - 2023-03-15"']) {
      const text = report(line);
      const diagnostic = only(text, 'field-type');
      assert.equal(diagnostic.fixes.length, 1, line);
      assert.match(diagnostic.fixes[0].title, /^Correct the quotes/);
      assert.deepEqual(diagnose(applied(text, diagnostic.fixes[0], line)), [], line);
    }
    assert.deepEqual(only(report('published: 2023-13-45"'), 'field-type').fixes, [], 'no fix when the date is wrong anyway');
  });
});
