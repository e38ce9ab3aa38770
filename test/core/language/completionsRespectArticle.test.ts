import { strict as assert } from 'node:assert';
import { completionsAt, defaultCodebook, type CompletionProposal, type ReportDocument } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import { areasNamedInText } from '../../../core/language/areasInText';
import { cursor, FRONT, slice } from './cursor';

const TODAY = '2024-05-06';
const sorted = (proposals: readonly CompletionProposal[]) => [...proposals].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

function complete(marked: string, otherReports?: readonly string[]) {
  const { text, document, offset, codebook } = cursor(marked);
  const others = otherReports?.map((other) => parseReport(other));
  const proposals = completionsAt(document, codebook, offset, { today: TODAY, otherReports: others ? () => others : undefined });
  return { proposals, text, document, labels: proposals.map((p) => p.label) };
}

/** A report of the workspace with these fields (in YAML) and a short body. */
function other(fields: string, body = 'Inspectors visited the area.'): string {
  return `---\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nstatus: draft\n${fields}\n---\n${body}\n`;
}

/** The words of a report's clean text: what no completion may offer. */
function articleWords(document: ReportDocument): Set<string> {
  return new Set(document.cleanText.match(/[\p{L}\p{N}'-]+/gu) ?? []);
}

const ARTICLE = [
  'Inspectors from Ofsted and the CQC visited Hartlepool in March. Leaders in Hartlepool know their strengths.',
  'Families had moved from Stockton-on-Tees and from Brighton & Hove; reading ages were low, as in North East Lincolnshire.',
].join('\n');

describe('core/language completions respect the article', () => {
  describe('areas', () => {
    it('lists the areas the article names first, the most named first, then the others by name', () => {
      const { proposals } = complete(`---\narea: |\nframework: "2016"\n---\n${ARTICLE}\n`);
      const order = sorted(proposals).map((p) => p.label);
      assert.deepEqual(order.slice(0, 4), ['Hartlepool', 'Stockton-on-Tees', 'Brighton and Hove', 'North East Lincolnshire']);
      // "reading" in lower case is no mention of Reading; "Lincolnshire" is only part of the longer name.
      assert.ok(order.indexOf('Reading') > order.indexOf('Barnet'), 'Reading is among the others, by name');
      assert.ok(order.indexOf('Lincolnshire') > order.indexOf('Barnet'));
      const first = proposals.find((p) => p.label === 'Hartlepool')!;
      assert.equal(first.preselect, true);
      assert.match(first.detail!, /named in the article/);
      assert.equal(proposals.filter((p) => p.kind === 'area' && !p.detail!.startsWith('→')).length, 153, 'every area is still offered');
    });

    it('keeps a near miss of what is typed before the areas the article names', () => {
      const { proposals, text } = complete(`---\narea: Darlingto|\n---\n${ARTICLE}\n`);
      const order = sorted(proposals);
      assert.equal(order[0].label, 'Darlington');
      assert.equal(order[0].preselect, true);
      assert.equal(order[1].label, 'Hartlepool');
      assert.notEqual(order[1].preselect, true);
      assert.equal(slice(text, order[0].range), 'Darlingto');
    });

    it('finds the areas in one pass: a long article with many names costs a few words per word', () => {
      const sentence = 'Parents in Hartlepool, in Stockton-on-Tees and in the Isles of Scilly said the council listened. ';
      const long = parseReport(`${FRONT}${sentence.repeat(20_000)}`);
      const started = process.hrtime.bigint();
      const named = areasNamedInText(long);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.deepEqual(named.map((area) => area.name), ['Hartlepool', 'Stockton-on-Tees', 'Isles of Scilly']);
      assert.ok(long.cleanText.length > 1_900_000);
      assert.ok(ms < 3_000, `${ms} ms for ${long.cleanText.length} characters`);
    });
  });

  describe('free-text fields', () => {
    const workspace = [
      other('area: Darlington\nannotator: jd\npartners: [Darlington Borough Council, NHS Tees Valley CCG]'),
      other('area: Darlington\nannotator: mk\npartners:\n  - Darlington Borough Council\n  - "NHS North East and North Cumbria ICB"'),
      other('area: Hartlepool\nannotator: jd\npartners: [Hartlepool Borough Council]'),
      other('area: Stoke\nannotator: "a.b"\npartners: [Stoke-on-Trent City Council]'),
    ];

    it('offers the workspace\'s annotators for `annotator`, the most frequent first, and no word of the article', () => {
      const { proposals, document } = complete(`${FRONT.replace('annotator: t', 'annotator: |')}Leaders were slow to act, said parents.\n`, workspace);
      assert.deepEqual(sorted(proposals).map((p) => p.label), ['jd', 'a.b', 'mk']);
      assert.equal(proposals.find((p) => p.label === 'jd')!.detail, 'in 2 other reports');
      const words = articleWords(document);
      assert.deepEqual(proposals.filter((p) => words.has(p.label)), []);
    });

    it('offers nothing for `annotator` without the other reports, rather than words of the article', () => {
      assert.deepEqual(complete(`${FRONT.replace('annotator: t', 'annotator: |')}Leaders were slow.\n`).labels, []);
    });

    it('offers for `partners` those of the reports of the same area (an alias is the same area), without those already listed', () => {
      const flow = complete('---\narea: darlington\npartners: [Darlington Borough Council, |]\n---\nThe council and the NHS responded.\n', workspace);
      assert.deepEqual(flow.labels, ['NHS North East and North Cumbria ICB', 'NHS Tees Valley CCG']);
      assert.equal(flow.proposals[0].detail, 'in 1 other report of Darlington');
      const block = complete('---\narea: Darlington\npartners:\n  - |\n---\nBody.\n', workspace);
      assert.deepEqual(sorted(block.proposals).map((p) => p.label), ['Darlington Borough Council', 'NHS North East and North Cumbria ICB', 'NHS Tees Valley CCG']);
      const bare = complete('---\narea: Stoke-on-Trent\npartners: |\n---\nBody.\n', workspace);
      assert.deepEqual(bare.proposals.map((p) => p.insertText), ['[Stoke-on-Trent City Council]']);
    });

    it('offers no partners when the area is unknown or no report of it names any', () => {
      assert.deepEqual(complete('---\npartners: [|]\n---\nDarlington Borough Council said…\n', workspace).labels, []);
      assert.deepEqual(complete('---\narea: York\npartners: [|]\n---\nCity of York Council said…\n', workspace).labels, []);
    });

    it('reads the other reports only when completing such a field', () => {
      let asked = 0;
      const { document, offset, codebook } = cursor(`---\nstatus: |\n---\nBody.\n`);
      completionsAt(document, codebook, offset, { today: TODAY, otherReports: () => (asked++, []) });
      assert.equal(asked, 0);
    });
  });

  describe('attribute blocks', () => {
    const BODY = 'Parents said [nobody listens]{.quote speaker="one parent" role=parent} and [it is slow]{.quote speaker="one parent"} and [they wait]{.quote speaker=inspectors}.';
    const KINDS = new Set(['code', 'id', 'attribute', 'theme', 'value']);

    it('offers only codes, ids, attributes and values, never a front-matter field or a word of the article', () => {
      const codebook = defaultCodebook();
      const attributeNames = new Set([...codebook.codes.values()].flatMap((code) => [...code.attributes.keys()]));
      const listedValues = new Set([...codebook.codes.values()].flatMap((code) => [...code.attributes.values()].flatMap((a) => (Array.isArray(a.values) ? a.values : []))));
      // Where each kind may come from: the codebook, or (values) the markup of the report's spans; ids are made up.
      const known: Record<string, (name: string) => boolean> = {
        code: (name) => codebook.codes.has(name),
        attribute: (name) => attributeNames.has(name),
        theme: (name) => codebook.themes.has(name),
        value: (name) => listedValues.has(name) || name === 'one parent' || name === 'inspectors',
        id: () => true,
      };
      for (const block of ['{|}', '{.|}', '{.quote |}', '{.quote #|}', '{.quote role=|}', '{.quote theme=|}', '{.quote speaker="|"}', '{.quote speaker=|}']) {
        const { proposals } = complete(`${FRONT}${BODY} [x]${block}`);
        assert.ok(proposals.length > 0, `nothing offered in ${block}`);
        for (const proposal of proposals) {
          const name = proposal.label.replace(/^[.#]/, '');
          assert.ok(known[proposal.kind]?.(name), `${proposal.kind} ${proposal.label} offered in ${block}`);
          assert.ok(!codebook.fields.has(name) || attributeNames.has(name), `the field ${name} offered in ${block}`);
        }
      }
    });

    it('offers the values a free-text attribute has on the report\'s other spans, replacing the whole value', () => {
      const quoted = complete(`${FRONT}${BODY} [x]{.quote speaker="one p|"}`);
      assert.deepEqual(quoted.labels, ['one parent', 'inspectors']);
      assert.equal(slice(quoted.text, quoted.proposals[0].range), 'one p');
      assert.equal(quoted.proposals[0].insertText, 'one parent');
      assert.equal(quoted.proposals[0].detail, 'speaker on 2 other spans of the report');
      const bare = complete(`${FRONT}${BODY} [x]{.quote speaker=|}`);
      assert.equal(bare.proposals[0].insertText, '"one parent"');
      // The span's own value is not offered back to it.
      assert.deepEqual(complete(`${FRONT}[a]{.quote speaker="x|"}`).labels, []);
    });
  });
});
