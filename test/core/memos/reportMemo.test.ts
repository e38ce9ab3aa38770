import { strict as assert } from 'node:assert';
import { FORMAT_FIELDS, REPORT_MEMO_FIELD } from '../../../core/document/formatFields';
import { parseReport } from '../../../core/document/parseReport';
import { reportMemoText } from '../../../core/memos/reportMemo';
import { applyFix, buildReport, diagnose, rangeText, single } from '../../helpers/report';

describe('core/memos the report memo', () => {
  it('is a field of the format', () => {
    assert.ok(FORMAT_FIELDS.has(REPORT_MEMO_FIELD));
  });

  it('is never reported unknown, as a block scalar, a quoted or plain text, or empty', () => {
    for (const yaml of ['memo: |\n  Check the dates.\n  Ask Sam about "waits".', 'memo: "One line"', 'memo: one line', 'memo:']) {
      assert.deepEqual(diagnose(buildReport('Body.\n', { extraYaml: yaml })).diagnostics, [], yaml);
    }
    assert.equal(reportMemoText(parseReport(buildReport('Body.\n', { extraYaml: 'memo: |\n  Check the dates.\n  Then ask.' }))), 'Check the dates.\nThen ask.\n');
    assert.equal(reportMemoText(parseReport(buildReport('Body.\n', { extraYaml: 'memo:' }))), null);
    assert.equal(reportMemoText(parseReport(buildReport('Body.\n', { extraYaml: 'memo: "  "' }))), null);
  });

  it('warns (report-memo-type) on a list or a mapping, with no fix', () => {
    for (const [yaml, value] of [['memo:\n  - a\n  - b', '- a\n  - b'], ['memo:\n  first: a', 'first: a']]) {
      const text = buildReport('Body.\n', { extraYaml: yaml });
      const diagnostic = single(diagnose(text).diagnostics, 'report-memo-type');
      assert.equal(diagnostic.severity, 'warning');
      assert.equal(rangeText(text, diagnostic.range), value);
      assert.match(diagnostic.message, /`memo: \|`/);
      assert.deepEqual(diagnostic.fixes, []);
    }
  });

  it('warns on a number or true/false, and its fix quotes the memo as written', () => {
    for (const [value, type] of [['42', 'a number'], ['1e3', 'a number'], ['true', 'true or false']]) {
      const text = buildReport('Body.\n', { extraYaml: `memo: ${value}` });
      const diagnostic = single(diagnose(text).diagnostics, 'report-memo-type');
      assert.ok(diagnostic.message.includes(type), diagnostic.message);
      const fixed = applyFix(text, diagnostic.fixes[0]);
      assert.ok(fixed.includes(`memo: "${value}"`));
      assert.deepEqual(diagnose(fixed).diagnostics, []);
      assert.equal(reportMemoText(parseReport(fixed)), value);
    }
  });
});
