import { strict as assert } from 'node:assert';
import { completionsAt, defaultCodebook, fixAllEdits, type CompletionProposal } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { documentRecord } from '../../core/export/findingRecords';
import { insertFrontMatterFix } from '../../core/language/newFrontMatter';
import { textFingerprint } from '../../core/text/fingerprint';
import { sourceFileToCompare } from '../../core/validate/fingerprintRules';
import { validateReport } from '../../core/validate/validateReport';
import { readRepoFile, reportFilesIn } from '../helpers/repo';
import { applyEdits, applyFix, buildReport, diagnose, ofRule, rangeText, single, summarise } from '../helpers/report';

const ARTICLE = 'Inspectors visited the area in March.\n\nThey found that leaders were slow to act.\nParents said they had to fight.\n';
const TAGGED = 'Inspectors visited the area in March.\n\nThey found that [leaders were slow to act]{.weakness theme=leadership}.\n[Parents said they had to fight.]{.quote speaker=parents role=parent}\n';

/** A report of `body` recording `fingerprint` (and more YAML after it). */
const recording = (body: string, fingerprint: string, extraYaml = '') => buildReport(body, { extraYaml: `text_sha256: ${fingerprint}\n${extraYaml}` });
const quoted = (text: string) => `"${textFingerprint(text)}"`;

/** The one completion at an offset, applied as plain text (the editor's result without snippet placeholders). */
function completeAt(text: string, offset: number): { proposal: CompletionProposal; result: string } {
  const proposals = completionsAt(parseReport(text), defaultCodebook(), offset, { today: '2024-05-06', snippets: false });
  assert.equal(proposals.length, 1, `proposals: ${proposals.map((p) => p.label).join(', ')}`);
  const proposal = proposals[0];
  return { proposal, result: applyEdits(text, [{ range: proposal.range, newText: proposal.insertText }]) };
}

/** The recorded `text_sha256` of a report, as YAML read it. */
function recorded(text: string): unknown {
  return parseReport(text).frontMatter?.fields.find((field) => field.key === 'text_sha256')?.value;
}

describe('core: the article text and its fingerprint', () => {
  it('records the fingerprint into an empty field as valid YAML, with its blank after the colon', () => {
    const text = buildReport(ARTICLE, { extraYaml: 'text_sha256:\n' });
    const fixed = applyFix(text, single(diagnose(text).diagnostics, 'text-fingerprint').fixes[0]);
    assert.ok(fixed.includes(`text_sha256: ${quoted(ARTICLE)}\n`), fixed);
    assert.deepEqual(ofRule(diagnose(fixed).diagnostics, 'text-fingerprint'), []);
    assert.deepEqual(ofRule(diagnose(fixed).diagnostics, 'yaml-syntax'), []);
  });

  describe('textFingerprint', () => {
    it('is the SHA-256 of the UTF-8 bytes, in lowercase hex', () => {
      assert.equal(textFingerprint(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      assert.equal(textFingerprint('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      // é is two bytes in UTF-8 (C3 A9), one UTF-16 unit; an astral character is four bytes.
      assert.equal(textFingerprint('é'), '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
      assert.notEqual(textFingerprint('a\r\nb'), textFingerprint('a\nb'), 'line endings are part of the text');
    });

    it('is what the export records for every report', () => {
      for (const sample of reportFilesIn('samples')) {
        const document = parseReport(sample.text);
        assert.equal(documentRecord(sample.name, document, defaultCodebook()).text_sha256, textFingerprint(document.cleanText), sample.name);
        assert.equal(recorded(sample.text), textFingerprint(document.cleanText), `${sample.name} records its own fingerprint`);
      }
    });

    it("agrees for two annotators' copies of one article whose clean texts agree", () => {
      const first = buildReport(TAGGED, { fields: { annotator: 'jd' } });
      const second = buildReport(ARTICLE.replace('the area', '[the area]{.strength theme=outcomes}'), { fields: { annotator: 'mk', status: 'reviewed' } });
      assert.notEqual(first, second);
      const [a, b] = [parseReport(first), parseReport(second)];
      assert.equal(a.cleanText, ARTICLE);
      assert.equal(b.cleanText, ARTICLE);
      assert.equal(textFingerprint(a.cleanText), textFingerprint(b.cleanText));
      // Each copy records the one fingerprint and is clean.
      const fingerprint = quoted(ARTICLE);
      assert.deepEqual(diagnose(recording(TAGGED, fingerprint)).diagnostics, []);
      assert.deepEqual(ofRule(diagnose(recording(ARTICLE.replace('the area', '[the area]{.strength theme=outcomes}'), fingerprint)).diagnostics, 'text-fingerprint'), []);
    });
  });

  describe('the text-fingerprint rule', () => {
    it('is quiet without the field, and when the value matches (quoted or not)', () => {
      assert.deepEqual(diagnose(buildReport(TAGGED)).diagnostics, []);
      assert.deepEqual(diagnose(recording(TAGGED, quoted(ARTICLE))).diagnostics, []);
      assert.deepEqual(diagnose(recording(TAGGED, textFingerprint(ARTICLE))).diagnostics, []);
    });

    it('reports a value that is not 64 lowercase hex digits, with its own message, on the value', () => {
      for (const value of ['abc', textFingerprint(ARTICLE).toUpperCase(), `${textFingerprint(ARTICLE)}0`, '[a, b]', '""', '12']) {
        const text = recording(TAGGED, value);
        const diagnostic = single(diagnose(text).diagnostics, 'text-fingerprint');
        assert.equal(diagnostic.severity, 'error');
        assert.equal(rangeText(text, diagnostic.range), value, value);
        assert.match(diagnostic.message, /must be the article text's SHA-256: 64 lowercase hex digits/);
        const fixed = applyFix(text, diagnostic.fixes[0]);
        assert.deepEqual(diagnose(fixed).diagnostics, [], `${value}: ${summarise(diagnose(fixed).diagnostics, fixed)}`);
      }
    });

    it('reports an edited article on the recorded value, and "Accept the edited text" rewrites only that value', () => {
      const original = recording(TAGGED, quoted(ARTICLE));
      const edited = original.replace('slow to act', 'quick to act');
      const diagnostic = single(diagnose(edited).diagnostics, 'text-fingerprint');
      assert.equal(rangeText(edited, diagnostic.range), quoted(ARTICLE));
      assert.equal(diagnostic.message, 'The article text no longer matches its fingerprint (`text_sha256`): it was changed after the fingerprint was recorded.');
      assert.deepEqual(diagnostic.fixes.map((fix) => fix.title), ['Accept the edited text']);
      const fix = diagnostic.fixes[0];
      assert.equal(fix.preferred, false, 'never applied by "fix all"');
      assert.deepEqual(fix.edits.map((edit) => edit.range), [diagnostic.range]);
      const accepted = applyFix(edited, fix);
      assert.equal(accepted, edited.replace(quoted(ARTICLE), quoted(ARTICLE.replace('slow to act', 'quick to act'))));
      assert.equal(parseReport(accepted).cleanText, parseReport(edited).cleanText);
      assert.deepEqual(diagnose(accepted).diagnostics, []);
      assert.deepEqual(fixAllEdits(diagnose(edited).diagnostics), []);
    });

    it('with the source text, reports the first body line that differs, naming its line in the source', () => {
      const text = recording(TAGGED, quoted(ARTICLE), 'source:\n  publisher: The Echo\n  file: article.txt').replace('Parents said', 'Parents told us');
      const document = parseReport(text);
      const [diagnostic] = ofRule(validateReport(document, defaultCodebook(), { sourceText: ARTICLE }), 'text-fingerprint');
      assert.equal(rangeText(text, diagnostic.range), '[Parents told us they had to fight.]{.quote speaker=parents role=parent}', 'the whole report line, markup and all');
      assert.equal(diagnostic.message, 'The article text no longer matches its fingerprint (`text_sha256`): this line differs from line 4 of the source (article.txt).');
      assert.deepEqual(diagnostic.fixes.map((fix) => fix.title), ['Accept the edited text']);
      assert.deepEqual(diagnose(applyFix(text, diagnostic.fixes[0])).diagnostics, []);
      // Without the source text (not read, or unreadable), the same mismatch stays on the field.
      assert.equal(rangeText(text, single(validateReport(document, defaultCodebook()), 'text-fingerprint').range), quoted(ARTICLE));
    });

    it('places lines the same with CRLF line endings, and a removed last line at the end', () => {
      const crlf = ARTICLE.replace(/\n/g, '\r\n');
      const text = recording(TAGGED, quoted(crlf), 'source:\n  publisher: The Echo\n  file: a.txt').replace(/\n/g, '\r\n').replace('in March', 'in May');
      const [diagnostic] = ofRule(validateReport(parseReport(text), defaultCodebook(), { sourceText: crlf }), 'text-fingerprint');
      assert.equal(rangeText(text, diagnostic.range), 'Inspectors visited the area in May.');
      assert.match(diagnostic.message, /line 1 of the source/);
      const cut = recording(TAGGED, quoted(ARTICLE), 'source:\n  publisher: The Echo\n  file: a.txt').replace('[Parents said they had to fight.]{.quote speaker=parents role=parent}\n', '');
      const [missing] = ofRule(validateReport(parseReport(cut), defaultCodebook(), { sourceText: ARTICLE }), 'text-fingerprint');
      assert.deepEqual(missing.range, { start: cut.length, end: cut.length });
      assert.match(missing.message, /line 4 of the source/);
    });

    it('says the recorded value is wrong when the article is its source exactly', () => {
      const wrong = textFingerprint('another article');
      const text = recording(TAGGED, wrong, 'source:\n  publisher: The Echo\n  file: a.txt');
      const [diagnostic] = ofRule(validateReport(parseReport(text), defaultCodebook(), { sourceText: ARTICLE }), 'text-fingerprint');
      assert.equal(rangeText(text, diagnostic.range), wrong);
      assert.match(diagnostic.message, /same as its source \(a\.txt\).*the recorded value is wrong/);
      assert.deepEqual(diagnose(applyFix(text, diagnostic.fixes[0])).diagnostics, []);
    });

    it('asks the front end for the source file only when a well-formed fingerprint no longer matches', () => {
      const source = 'source:\n  publisher: The Echo\n  file: ../articles/a.txt';
      assert.equal(sourceFileToCompare(parseReport(recording(TAGGED, quoted('edited'), source))), '../articles/a.txt');
      assert.equal(sourceFileToCompare(parseReport(recording(TAGGED, quoted(ARTICLE), source))), undefined, 'it matches');
      assert.equal(sourceFileToCompare(parseReport(recording(TAGGED, 'abc', source))), undefined, 'malformed');
      assert.equal(sourceFileToCompare(parseReport(recording(TAGGED, quoted('edited')))), undefined, 'no source file');
      assert.equal(sourceFileToCompare(parseReport(buildReport(TAGGED, { extraYaml: source }))), undefined, 'no fingerprint');
    });

    it('knows `source.file` as a codebook field, and `text_sha256` as the format\'s own', () => {
      const text = recording(TAGGED, quoted(ARTICLE), 'source:\n  publisher: The Echo\n  file: article.txt');
      assert.deepEqual(diagnose(text).diagnostics, []);
    });
  });

  describe('creating the front matter', () => {
    const variants: ReadonlyArray<[string, string, string]> = [
      ['a `---` line typed above it', '---\n', ''],
      ['a `-` line typed above it', '-\n', ''],
      ['an empty line made above it', '\n', ''],
      ['CRLF line endings', '---\r\n', 'crlf'],
      ['a byte order mark', '\uFEFF---\n', ''],
      ['a `---` line inside the article', '---\n', 'rule'],
    ];
    for (const [what, typed, variant] of variants) {
      it(`leaves the pasted article the clean text, byte for byte, and records its fingerprint: ${what}`, () => {
        let pasted = variant === 'crlf' ? TAGGED.replace(/\n/g, '\r\n') : TAGGED;
        if (variant === 'rule') pasted = pasted.replace('\n\n', '\n---\n');
        const article = parseReport(pasted).cleanText;
        // The cursor at the end of the typed line.
        const { proposal, result } = completeAt(typed + pasted, typed.trimEnd().length);
        assert.equal(proposal.label, '---');
        const after = parseReport(result);
        assert.equal(after.cleanText, article);
        assert.equal(result.slice(after.bodyStart), pasted, 'the body starts on the line after the closing `---`');
        assert.equal(recorded(result), textFingerprint(article));
        assert.deepEqual(ofRule(validateReport(after, defaultCodebook()), 'text-fingerprint'), []);
        if (variant === 'crlf') assert.ok(!/[^\r]\n/.test(result), 'CRLF kept');
      });
    }

    it('fills only the fields into `---` lines already there, leaving the closing line and the article', () => {
      const text = `---\n---\n${TAGGED}`;
      const { result } = completeAt(text, 3);
      assert.equal(parseReport(result).cleanText, parseReport(text).cleanText);
      assert.equal(result.slice(parseReport(result).bodyStart), TAGGED);
      assert.equal(recorded(result), textFingerprint(ARTICLE));
    });

    it('records no fingerprint before there is an article, and puts the cursor in the empty body', () => {
      const snippet = completionsAt(parseReport(''), defaultCodebook(), 0, { today: '2024-05-06', snippets: true });
      assert.equal(snippet.length, 1, 'offered once');
      assert.ok(!snippet[0].insertText.includes('text_sha256'));
      assert.ok(snippet[0].insertText.endsWith('\n---\n$0'));
      const { result } = completeAt('---', 3);
      assert.equal(parseReport(result).cleanText, '');
      assert.equal(recorded(result), undefined);
    });

    it('writes the same fingerprint line as a snippet and as plain text', () => {
      const text = `---\n${TAGGED}`;
      const line = (snippets: boolean) => completionsAt(parseReport(text), defaultCodebook(), 3, { today: '2024-05-06', snippets })[0].insertText.split('\n').find((l) => l.startsWith('text_sha256:'));
      assert.equal(line(true), `text_sha256: ${quoted(ARTICLE)}`);
      assert.equal(line(false), line(true));
    });

    it('"Insert front matter" on a report without one: the same front matter, before the untouched text', () => {
      for (const text of [TAGGED, `\uFEFF${TAGGED}`, TAGGED.replace(/\n/g, '\r\n'), `\n${TAGGED}`]) {
        const before = parseReport(text);
        const diagnostic = single(validateReport(before, defaultCodebook()), 'frontmatter-missing');
        assert.deepEqual(diagnostic.fixes.map((fix) => fix.title), ['Insert front matter']);
        const fixed = applyFix(text, diagnostic.fixes[0]);
        const after = parseReport(fixed);
        assert.equal(after.cleanText, before.cleanText, JSON.stringify(text.slice(0, 10)));
        assert.equal(fixed.slice(after.bodyStart), text.slice(before.hasBom ? 1 : 0));
        assert.equal(recorded(fixed), textFingerprint(before.cleanText));
        assert.deepEqual(ofRule(validateReport(after, defaultCodebook()), 'text-fingerprint'), []);
      }
      // One definition: the completion's plain front matter, above the same article.
      const fix = insertFrontMatterFix(parseReport(TAGGED), defaultCodebook());
      const { result } = completeAt(`---\n${TAGGED}`, 3);
      assert.equal(applyFix(TAGGED, fix), result);
    });

    it('is offered once: the extension contributes no `---` snippet of its own', () => {
      const snippets = JSON.parse(readRepoFile('snippets', 'inspection-report.code-snippets')) as Record<string, { prefix: string | string[] }>;
      const prefixes = Object.values(snippets).flatMap((snippet) => (Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix]));
      assert.ok(!prefixes.includes('---'), prefixes.join(', '));
      assert.equal(completionsAt(parseReport(`---\n${TAGGED}`), defaultCodebook(), 3, { today: '2024-05-06' }).filter((p) => p.label === '---').length, 1);
    });
  });
});
