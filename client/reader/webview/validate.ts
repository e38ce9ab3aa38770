// Checks every message the extension sends the reader before it is used: the
// webview trusts nothing it is given. A message of the wrong shape is dropped
// whole. A model is copied field by field into what the reader reads of it
// (shownModel.ts): the fields only the extension uses are not read at all.
// A delta is checked likewise, and the model it gives is checked again once
// applied (its moved passages must still lie in its text). Linear in the
// model's size; the checks are the shared ones.
import { applyReaderDelta } from '../../../core/reader/readerDelta';
import { boolean, boundedString, checkedOrDropped, fail, InvalidMessage, parsed, probeOrUnknown, plainObject, stringList, wholeNumber, type Parsed } from '../../messageChecks';
import type { ReaderFilters, ToReader } from '../readerMessages';
import type { ShownDelta, ShownModel, ShownPassage } from './shownModel';

const TEXT = Number.MAX_SAFE_INTEGER;
const ITEMS = Number.MAX_SAFE_INTEGER;


const string = (value: unknown, what: string): string => boundedString(value, what, TEXT);
const nullableString = (value: unknown, what: string): string | null => (value === null ? null : string(value, what));
const nullableNumber = (value: unknown, what: string): number | null => (value === null ? null : wholeNumber(value, what));
const strings = (value: unknown, what: string): string[] => stringList(value, what, ITEMS, TEXT);

/**
 * A list of objects. The items' checks name their fields without the path
 * (no strings built for the thousands of valid ones); a failure is prefixed
 * with where it happened.
 */
function list<T>(value: unknown, what: string, item: (o: Record<string, unknown>) => T): T[] {
  if (!Array.isArray(value)) fail(`${what} is not a list`);
  const items = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    try {
      items[i] = item(plainObject(value[i], 'the entry'));
    } catch (error) {
      if (error instanceof InvalidMessage) fail(`${what}[${i}]: ${error.message}`);
      throw error;
    }
  }
  return items;
}

function passage(o: Record<string, unknown>, length: number): ShownPassage {
  const start = wholeNumber(o.start, 'start', length);
  const end = wholeNumber(o.end, 'end', length);
  if (end < start) fail('the passage ends before it starts');
  return {
    index: wholeNumber(o.index, 'index'),
    start,
    end,
    codes: strings(o.codes, 'codes'),
    themes: strings(o.themes, 'themes'),
    attributes: list(o.attributes, 'attributes', (a) => ({ key: string(a.key, 'key'), value: string(a.value, 'value') })),
    memo: nullableString(o.memo, 'memo'),
    id: nullableString(o.id, 'id'),
    parent: nullableNumber(o.parent, 'parent'),
    depth: wholeNumber(o.depth, 'depth'),
  };
}

/** What a model and a delta both carry whole: its name, header, fingerprint, codes and themes. */
function smallParts(o: Record<string, unknown>, what: string): Pick<ShownModel, 'name' | 'fingerprint' | 'header' | 'codes' | 'themes'> {
  const header = plainObject(o.header, `${what}.header`);
  return {
    name: string(o.name, `${what}.name`),
    fingerprint: string(o.fingerprint, `${what}.fingerprint`),
    header: {
      title: string(header.title, 'header.title'),
      memo: nullableString(header.memo, 'header.memo'),
      fields: list(header.fields, 'header.fields', (f) => ({ key: string(f.key, 'key'), label: string(f.label, 'label'), value: string(f.value, 'value') })),
    },
    codes: list(o.codes, `${what}.codes`, (c) => ({ name: string(c.name, 'name'), label: string(c.label, 'label'), color: string(c.color, 'color'), passages: wholeNumber(c.passages, 'passages') })),
    themes: list(o.themes, `${what}.themes`, (t) => ({ name: string(t.name, 'name'), label: string(t.label, 'label'), passages: wholeNumber(t.passages, 'passages') })),
  };
}

function model(value: unknown): ShownModel {
  const o = plainObject(value, 'model');
  const cleanText = string(o.cleanText, 'model.cleanText');
  const { name, fingerprint, header, codes, themes } = smallParts(o, 'model');
  return { name, cleanText, fingerprint, header, passages: list(o.passages, 'model.passages', (p) => passage(p, cleanText.length)), codes, themes };
}

/** A whole number that may be negative (how far something moved). */
function integer(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(`${what} is not an integer`);
  return value;
}

/** A delta's shape; where it lands is checked once applied (appliedDelta). */
function delta(value: unknown): ShownDelta {
  const o = plainObject(value, 'delta');
  const text = plainObject(o.text, 'delta.text');
  const passages = plainObject(o.passages, 'delta.passages');
  const shift = plainObject(passages.shift, 'delta.passages.shift');
  return {
    base: string(o.base, 'delta.base'),
    ...smallParts(o, 'delta'),
    text: { start: wholeNumber(text.start, 'text.start'), end: wholeNumber(text.end, 'text.end'), text: string(text.text, 'text.text') },
    passages: {
      start: wholeNumber(passages.start, 'passages.start'),
      end: wholeNumber(passages.end, 'passages.end'),
      items: list(passages.items, 'passages.items', (p) => passage(p, Number.MAX_SAFE_INTEGER)),
      shift: { offset: integer(shift.offset, 'shift.offset'), index: integer(shift.index, 'shift.index'), line: integer(shift.line, 'shift.line'), addedLines: integer(shift.addedLines, 'shift.addedLines'), character: integer(shift.character, 'shift.character') },
    },
  };
}

/**
 * The model a checked delta gives: refused when it does not fit the model
 * or leaves a passage outside the new text (or a negative index), so that
 * what is drawn holds what a checked whole model holds.
 */
export function appliedDelta(shown: ShownModel, change: ShownDelta): Parsed<ShownModel> {
  return parsed(() => {
    const next = applyReaderDelta(shown, change) ?? fail('the delta does not fit the model shown');
    const length = next.cleanText.length;
    for (const p of next.passages) {
      if (p.start < 0 || p.end < p.start || p.end > length || p.index < 0 || (p.parent !== null && p.parent < 0)) fail(`passage ${p.index} lies outside the text after the delta`);
    }
    return next;
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fail('json is not JSON');
  }
}

export function checkFilters(value: unknown): ReaderFilters {
  const o = plainObject(value, 'filters');
  return { codes: strings(o.codes, 'filters.codes'), themes: strings(o.themes, 'filters.themes') };
}

/** Filters from anywhere (a saved state): none when they do not check. */
export function filtersOrNone(value: unknown): ReaderFilters {
  const result = parsed(() => checkFilters(value));
  return result.ok ? result.message : { codes: [], themes: [] };
}

/** A message as the reader acts on it: `modelJson` arrives as the `model` it stands for, and a model as what the reader reads of it. */
export type CheckedMessage =
  | Exclude<ToReader, { type: 'model' | 'modelJson' | 'modelDelta' }>
  | { readonly type: 'model'; readonly seq: number; readonly uri: string; readonly model: ShownModel }
  | { readonly type: 'delta'; readonly seq: number; readonly uri: string; readonly base: number; readonly delta: ShownDelta };

function toReader(raw: unknown): CheckedMessage {
  const o = plainObject(raw, 'the message');
  switch (o.type) {
    case 'model':
      return { type: 'model', seq: wholeNumber(o.seq, 'seq'), uri: string(o.uri, 'uri'), model: model(o.model) };
    case 'modelJson':
      // Read as the object message it stands for, with the same checks.
      return { type: 'model', seq: wholeNumber(o.seq, 'seq'), uri: string(o.uri, 'uri'), model: model(parseJson(string(o.json, 'json'))) };
    case 'modelDelta':
      return { type: 'delta', seq: wholeNumber(o.seq, 'seq'), uri: string(o.uri, 'uri'), base: wholeNumber(o.base, 'base'), delta: delta(parseJson(string(o.json, 'json'))) };
    case 'notice':
      return { type: 'notice', seq: wholeNumber(o.seq, 'seq'), text: string(o.text, 'text') };
    case 'reveal':
      return { type: 'reveal', offset: wholeNumber(o.offset, 'offset') };
    case 'tagged':
      return { type: 'tagged', ok: boolean(o.ok, 'ok'), message: nullableString(o.message ?? null, 'message') };
    case 'restore':
      return { type: 'restore', filters: checkFilters(o.filters), offset: wholeNumber(o.offset, 'offset') };
    default:
      return probeOrUnknown(o);
  }
}

/** A checked copy of a message to the reader, or null (the reason goes to the console) for anything else. */
export function parseToReader(raw: unknown): CheckedMessage | null {
  return checkedOrDropped('coded reader', () => toReader(raw));
}
