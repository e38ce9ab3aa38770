import { strict as assert } from 'node:assert';
import { completionsAt, type CompletionProposal } from '../../../core';
import { cursor, FRONT, slice } from './cursor';

const TODAY = '2024-05-06';
const complete = (marked: string, snippets = true) => {
  const { text, document, offset, codebook } = cursor(marked);
  const proposals = completionsAt(document, codebook, offset, { today: TODAY, snippets });
  return { proposals, text, labels: proposals.map((p) => p.label) };
};
const sorted = (proposals: readonly CompletionProposal[]) => [...proposals].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe('core/language completions', () => {
  describe('front matter', () => {
    it('offers a whole front matter in an empty file, as a snippet or as plain text', () => {
      const snippet = complete('|').proposals;
      assert.equal(snippet.length, 1);
      assert.equal(snippet[0].kind, 'snippet');
      assert.equal(snippet[0].insertText, [
        '---', 'area: $1', 'framework: ${2|"2016","2023"|}', 'inspection_type: ${3|full,revisit,monitoring|}', 'outcome: $4',
        'annotator: $5', 'status: ${6|draft,reviewed|}', '---', '$0',
      ].join('\n'));
      const plain = complete('|', false).proposals[0];
      assert.equal(plain.snippet, false);
      assert.equal(plain.insertText, '---\narea: \nframework: \ninspection_type: full\noutcome: \nannotator: \nstatus: draft\n---\n');
    });

    it('offers it on a first line of dashes, replacing them, but not when fields exist', () => {
      const { proposals } = complete('--|');
      assert.deepEqual(proposals[0].range, { start: 0, end: 2 });
      assert.ok(!complete('---|\narea: Darlington\n---\n').labels.includes('---'));
    });

    it('orders keys: required missing, then optional missing; keys already set are left out', () => {
      const { proposals } = complete('---\narea: Darlington\nannotator: t\n|\n---\n');
      assert.deepEqual(sorted(proposals).map((p) => p.label), ['framework', 'inspection_type', 'outcome', 'status', 'inspectorates', 'inspection_dates', 'published', 'partners', 'source']);
      const outcome = proposals.find((p) => p.label === 'outcome')!;
      assert.equal(outcome.insertText, 'outcome: ');
      assert.equal(outcome.retrigger, true);
      assert.match(outcome.documentation!, /\*\*outcome\*\* · one of a list, required/);
      assert.match(outcome.documentation!, /`wsoa_required` — Written Statement of Action required/);
    });

    it('fills lists and mappings as snippets', () => {
      const { proposals } = complete('---\n|\n---\n');
      assert.equal(proposals.find((p) => p.label === 'inspectorates')!.insertText, 'inspectorates: [$1]');
      assert.equal(proposals.find((p) => p.label === 'source')!.insertText, 'source:\n  publisher: $1');
    });

    it('replaces only the key when the line has its colon already', () => {
      const { proposals, text } = complete('---\nframw|ork: "2016"\n---\n');
      const framework = proposals.find((p) => p.label === 'framework')!;
      assert.equal(framework.insertText, 'framework');
      assert.equal(slice(text, framework.range), 'framwork');
    });

    it('offers the keys of a nested mapping', () => {
      assert.deepEqual(sorted(complete('---\nsource:\n  publisher: BBC\n  |\n---\n').proposals).map((p) => p.label), ['url', 'retrieved', 'file']);
    });

    it('offers the enum values that fit the other fields, quoted where YAML needs it', () => {
      assert.deepEqual(complete('---\nframework: "2016"\ninspection_type: revisit\noutcome: |\n---\n').labels, ['sufficient_progress', 'insufficient_progress']);
      assert.equal(complete('---\noutcome: |\n---\n').labels.length, 7, 'all values when nothing constrains them');
      const framework = complete('---\nframework: |\n---\n').proposals;
      assert.deepEqual(framework.map((p) => p.insertText), ['"2016"', '"2023"']);
      assert.equal(complete('---\ninspection_type: |\n---\n').proposals.find((p) => p.preselect)?.label, 'full', 'the default is preselected');
    });

    it('offers list items, in flow and block lists, without the ones present', () => {
      assert.deepEqual(complete('---\ninspectorates: [Ofsted, |]\n---\n').labels, ['CQC']);
      assert.deepEqual(complete('---\ninspectorates:\n  - CQC\n  - |\n---\n').labels, ['Ofsted']);
      assert.deepEqual(complete('---\ninspectorates: |\n---\n').proposals.map((p) => p.insertText), ['[Ofsted]', '[CQC]']);
    });

    it("offers today's date for dates, in lists too", () => {
      assert.deepEqual(complete('---\npublished: |\n---\n').labels, [TODAY]);
      assert.deepEqual(complete('---\ninspection_dates: [|]\n---\n').labels, [TODAY]);
    });

    it('offers areas by canonical name and by alias, with a near miss first', () => {
      const { proposals, text } = complete('---\narea: Hartlepo|l\n---\n');
      const hartlepool = proposals.find((p) => p.label === 'Hartlepool')!;
      assert.equal(hartlepool.preselect, true);
      assert.equal(hartlepool.filterText, 'Hartlepo Hartlepool');
      assert.equal(slice(text, hartlepool.range), 'Hartlepol');
      assert.equal(hartlepool.detail, 'Unitary authority, North East');
      const hull = proposals.find((p) => p.label === 'Hull')!;
      assert.equal(hull.insertText, 'Kingston upon Hull');
      assert.equal(hull.filterText, 'Hull');
    });
  });

  describe('attribute blocks', () => {
    it('offers the codes after `{.` and ` .`, without those on the span', () => {
      const first = complete(`${FRONT}[a]{.|}`);
      assert.equal(first.labels.length, 8);
      const weakness = first.proposals.find((p) => p.label === 'weakness')!;
      assert.equal(weakness.detail, 'Weakness');
      assert.match(weakness.documentation!, /- `theme` \(required; a theme \(16 in the codebook\); several allowed\)/);
      const second = complete(`${FRONT}[a]{.weakness .q|}`);
      assert.ok(!second.labels.includes('weakness'));
      assert.equal(slice(second.text, second.proposals[0].range), 'q');
    });

    it('offers codes with their dot right after `{`, while the block is still open', () => {
      const { labels } = complete(`${FRONT}[a]{|`);
      assert.ok(labels.includes('.weakness') && labels.includes('.quote'));
    });

    it("offers the span's attribute names after a space, required first", () => {
      const { proposals } = complete(`${FRONT}[a]{.quote |}`);
      const attributes = sorted(proposals.filter((p) => p.kind === 'attribute'));
      assert.deepEqual(attributes.map((p) => p.label), ['speaker', 'role', 'theme', 'memo']);
      assert.equal(attributes[0].insertText, 'speaker="$1"');
      assert.equal(attributes[1].insertText, 'role=');
      assert.equal(attributes[1].retrigger, true);
      assert.ok(!complete(`${FRONT}[a]{.quote speaker=x |}`).labels.includes('speaker'), 'attributes already set are left out');
    });

    it('offers themes with their definitions, skipping those already in the value', () => {
      const { proposals } = complete(`${FRONT}[a]{.weakness theme=|}`);
      assert.equal(proposals.length, 16);
      assert.match(proposals[0].documentation!, /\*\*Leadership and governance\*\* · theme `leadership`/);
      const second = complete(`${FRONT}[a]{.weakness theme="health |"}`);
      assert.equal(second.labels.length, 15);
      assert.ok(!second.labels.includes('health'));
      const inside = complete(`${FRONT}[a]{.weakness theme="health wor|kforce"}`);
      assert.equal(slice(inside.text, inside.proposals[0].range), 'workforce');
    });

    it('offers the values of an enum attribute', () => {
      assert.deepEqual(complete(`${FRONT}[a]{.weakness severity=|}`).labels, ['significant', 'moderate']);
      assert.deepEqual(complete(`${FRONT}[a]{.response stance=|}`).labels, ['accepts', 'welcomes', 'disputes', 'mixed']);
    });

    it('suggests ids from the tagged text and from area and code, unused in the report', () => {
      assert.deepEqual(complete(`${FRONT}[They called on leaders to act]{.wsoa #|}`).labels, ['they-called-on-leaders-to', 'darlington-wsoa-1']);
      const taken = complete(`${FRONT}[x]{.wsoa #darlington-wsoa-1} [They acted]{.wsoa #|}`).labels;
      assert.deepEqual(taken, ['they-acted', 'darlington-wsoa-2']);
      const nested = complete(`${FRONT}[Leaders [said "no"]{.quote speaker=x} today]{.weakness #|}`).labels;
      assert.equal(nested[0], 'leaders-said-no-today');
    });

    it('offers nothing in plain text, in tagged text, or after the block', () => {
      assert.deepEqual(complete(`${FRONT}Plain | text`).labels, []);
      assert.deepEqual(complete(`${FRONT}[tag|ged]{.weakness}`).labels, []);
      assert.deepEqual(complete(`${FRONT}[a]{.weakness}| more`).labels, []);
    });
  });
});
