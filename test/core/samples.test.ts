import { SOURCE_MISMATCH_RULES } from '../../core/validate/sourceMismatchRule';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { defaultCodebook, hasErrors, RULE_IDS } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { documentRecord } from '../../core/export/findingRecords';
import { validateReport } from '../../core/validate/validateReport';
import { readRepoFile, repoPath, reportFilesIn, seedNameOf } from '../helpers/repo';
import { summarise } from '../helpers/report';

describe('samples', () => {
  const samples = reportFilesIn('samples');

  it('has the five annotated articles (at least)', () => {
    assert.ok(samples.length >= 5, `${samples.length} samples`);
  });

  for (const sample of samples) {
    describe(sample.name, () => {
      const document = parseReport(sample.text);
      const seedName = seedNameOf(sample.text);

      it('names its seed in the front matter', () => {
        assert.ok(seedName, 'a `# Seed: NNN_xxx.txt` comment');
        assert.match(seedName!, /^\d{3}_[0-9a-f]+\.txt$/);
        assert.ok(fs.existsSync(repoPath('test', 'fixtures', 'seeds', seedName!)), `${seedName} exists`);
      });

      it('has a clean text equal to its seed, byte for byte', () => {
        const seed = fs.readFileSync(repoPath('test', 'fixtures', 'seeds', seedName!));
        assert.equal(Buffer.compare(Buffer.from(document.cleanText, 'utf8'), seed), 0, 'clean text differs from the seed');
      });

      it('has no errors', () => {
        const diagnostics = validateReport(document, defaultCodebook());
        assert.equal(hasErrors(diagnostics), false, summarise(diagnostics, sample.text));
        assert.deepEqual(document.problems, []);
      });

      it('has spans, and exports each at offsets that slice the seed to its exact text', () => {
        const seed = readRepoFile('test', 'fixtures', 'seeds', seedName!);
        const seedPoints = Array.from(seed);
        const record = documentRecord(`samples/${sample.name}`, document, defaultCodebook());
        assert.ok(record.findings.length >= 10, `${record.findings.length} findings`);
        for (const finding of record.findings) {
          assert.ok(finding.exact.length > 0);
          assert.equal(seed.slice(finding.start_utf16, finding.end_utf16), finding.exact, `finding ${finding.index} (UTF-16)`);
          assert.equal(seedPoints.slice(finding.start, finding.end).join(''), finding.exact, `finding ${finding.index} (code points)`);
          assert.ok(seed.includes(finding.prefix + finding.exact + finding.suffix), `finding ${finding.index} in context`);
        }
      });
    });
  }
});

describe('samples/broken', () => {
  const broken = reportFilesIn('samples', 'broken');
  const fired = new Map(broken.map((file) => [file.name, new Set(validateReport(parseReport(file.text), defaultCodebook()).map((d) => d.rule as string))]));

  it('exists', () => {
    assert.ok(broken.length > 0, 'no samples/broken/*.report.md');
  });

  it('together fire every rule except the codebook rules and the corpus rule (test/lsp/agreement.test.ts)', () => {
    const all = new Set([...fired.values()].flatMap((rules) => [...rules]));
    const missing = RULE_IDS.filter((id) => !id.startsWith('codebook-') && !(id in SOURCE_MISMATCH_RULES) && !all.has(id));
    assert.deepEqual(missing, []);
  });

  it('each have at least one diagnostic, and most have errors', () => {
    let withErrors = 0;
    for (const file of broken) {
      const diagnostics = validateReport(parseReport(file.text), defaultCodebook());
      assert.ok(diagnostics.length > 0, `${file.name} has no diagnostics`);
      if (hasErrors(diagnostics)) withErrors++;
    }
    assert.ok(withErrors > 0, "so `findings check samples/broken` exits 1");
  });

  it('fire the rules their README says they fire', function () {
    const readme = repoPath('samples', 'broken', 'README.md');
    if (!fs.existsSync(readme)) this.skip();
    const rows = [...fs.readFileSync(readme, 'utf8').matchAll(/^\|\s*`([^`]+\.report\.md)`\s*\|([^|]*)\|/gm)];
    assert.ok(rows.length > 0, 'the README lists the files');
    for (const [, name, rules] of rows) {
      assert.ok(fired.has(name), `${name} is listed but missing`);
      for (const rule of rules.match(/[a-z]+(?:-[a-z]+)+/g) ?? []) {
        assert.ok(RULE_IDS.includes(rule as never), `${name}: ${rule} is not a rule id`);
        assert.ok(fired.get(name)!.has(rule), `${name} does not fire ${rule}; it fires ${[...fired.get(name)!].join(', ')}`);
      }
    }
  });
});
