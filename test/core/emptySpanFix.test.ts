import { strict as assert } from 'node:assert';
import { parseReport } from '../../core/document/parseReport';
import { applyFix, buildReport, diagnose, single } from '../helpers/report';

describe('span-empty: removing an empty span never makes markup of the text around it', () => {
  it('offers no fix when a `]` before the span would meet a `{` after it', () => {
    const text = buildReport('See [sic][]{.strength theme=health}{not markup} here.\n');
    const before = parseReport(text).cleanText;
    const diagnostic = single(diagnose(text).diagnostics, 'span-empty');
    assert.deepEqual(diagnostic.fixes, [], 'removing the markup would turn `[sic]{not markup}` into a span');
    assert.equal(before.includes('[sic]{not markup}'), true);
  });

  it('still offers it, keeping the clean text, when something lies between', () => {
    for (const body of ['See [sic] []{.strength theme=health}{x}.\n', 'See [sic][]{.strength theme=health} {x}.\n', 'A[]{.wsoa}{B}\n']) {
      const text = buildReport(body);
      const diagnostic = single(diagnose(text).diagnostics, 'span-empty');
      assert.equal(diagnostic.fixes.length, 1, body);
      assert.equal(parseReport(applyFix(text, diagnostic.fixes[0])).cleanText, parseReport(text).cleanText, body);
    }
  });
});
