/**
 * Edits of a report for the coded reader's property tests: text typed or
 * deleted anywhere (front matter included), one character replaced, line
 * breaks of every kind, spans tagged through the reader's tagging.
 */
import fc from 'fast-check';
import { defaultCodebook, planTagging } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { applyInsertions } from '../../core/language/tagEdit';
import { sourceRangeOfCleanSelection } from '../../core/reader/cleanSelection';

const codebook = defaultCodebook();
const CODES = ['strength', 'weakness', 'quote', 'wsoa'];

export type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'tag'; at: number; length: number; code: number };

const INSERTS = ['x', ' ', '\n', '\r', '\r\n', '\n\n', '[', ']', '{', '}', ']{.quote speaker=a}', '[word]{.strength theme=leadership}', '[word]{.madeup theme=nowhere}', ' memo="a note"', 'é', '😀'];

/** Where in the text, as a fraction of its length: spread evenly (a biased one would mostly edit the first lines). */
const AT = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_001);

export const EDIT: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: AT, text: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('delete' as const), at: AT, length: fc.integer({ min: 1, max: 40 }) }),
  // One character for another: the text keeps its length, so every span keeps its place.
  fc.record({ kind: fc.constant('replace' as const), at: AT, text: fc.constantFrom('x', 'e', ' ', '.', '=', '"', '#', '}', ']') }),
  fc.record({ kind: fc.constant('tag' as const), at: AT, length: fc.integer({ min: 1, max: 80 }), code: fc.nat(CODES.length - 1) }),
);

/** The edit applied anywhere in the report, front matter included (a tag through the reader's tagging; a refused one changes nothing). */
export function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * text.length);
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(Math.min(text.length, at + edit.length));
    case 'replace':
      return text.slice(0, at) + edit.text + text.slice(at + 1);
    case 'tag': {
      const document = parseReport(text);
      const start = Math.floor(edit.at * document.cleanText.length);
      const range = sourceRangeOfCleanSelection(document, { start, end: Math.min(document.cleanText.length, start + edit.length) });
      const plan = planTagging(document, codebook, [range], [CODES[edit.code]]);
      return plan && plan.refused.length === 0 ? applyInsertions(text, plan.insertions) : text;
    }
  }
}

