// Checks every message the extension sends the reader before it is used: the
// webview trusts nothing it is given. A message of the wrong shape is dropped
// whole. A model is copied field by field into what the reader reads of it
// (shownModel.ts): the fields only the extension uses are not read at all.
// Linear in the model's size; the checks are the shared ones.
import { boolean, boundedString, checkedOrDropped, fail, InvalidMessage, parsed, probeOrUnknown, plainObject, stringList, wholeNumber } from '../../messageChecks';
import type { ReaderFilters, ToReader } from '../readerMessages';
import type { ShownModel, ShownPassage } from './shownModel';

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

function model(value: unknown): ShownModel {
  const o = plainObject(value, 'model');
  const cleanText = string(o.cleanText, 'model.cleanText');
  const header = plainObject(o.header, 'model.header');
  return {
    name: string(o.name, 'model.name'),
    cleanText,
    fingerprint: string(o.fingerprint, 'model.fingerprint'),
    header: {
      title: string(header.title, 'header.title'),
      memo: nullableString(header.memo, 'header.memo'),
      fields: list(header.fields, 'header.fields', (f) => ({ key: string(f.key, 'key'), label: string(f.label, 'label'), value: string(f.value, 'value') })),
    },
    passages: list(o.passages, 'model.passages', (p) => passage(p, cleanText.length)),
    codes: list(o.codes, 'model.codes', (c) => ({ name: string(c.name, 'name'), label: string(c.label, 'label'), color: string(c.color, 'color'), passages: wholeNumber(c.passages, 'passages') })),
    themes: list(o.themes, 'model.themes', (t) => ({ name: string(t.name, 'name'), label: string(t.label, 'label'), passages: wholeNumber(t.passages, 'passages') })),
  };
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
export type CheckedMessage = Exclude<ToReader, { type: 'model' | 'modelJson' }> | { readonly type: 'model'; readonly seq: number; readonly uri: string; readonly model: ShownModel };

function toReader(raw: unknown): CheckedMessage {
  const o = plainObject(raw, 'the message');
  switch (o.type) {
    case 'model':
      return { type: 'model', seq: wholeNumber(o.seq, 'seq'), uri: string(o.uri, 'uri'), model: model(o.model) };
    case 'modelJson':
      // Read as the object message it stands for, with the same checks.
      return { type: 'model', seq: wholeNumber(o.seq, 'seq'), uri: string(o.uri, 'uri'), model: model(parseJson(string(o.json, 'json'))) };
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
