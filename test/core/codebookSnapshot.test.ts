import { strict as assert } from 'node:assert';
import { BUILTIN_CODEBOOK, defaultCodebook } from '../../core';
import { buildCodebook } from '../../core/codebook/loadCodebook';
import { restoreCodebook, snapshotCodebook } from '../../core/codebook/codebookSnapshot';

/** Plain data for comparison: maps as entry lists, undefined properties dropped (JSON has none). */
function plain(value: unknown): unknown {
  if (value instanceof Map) return [...value].map(([key, entry]) => [key, plain(entry)]);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined).map(([key, entry]) => [key, plain(entry)]));
  }
  return value;
}

describe('built-in codebook snapshot', () => {
  it('restores exactly the codebook that building the YAML gives', () => {
    const built = buildCodebook(BUILTIN_CODEBOOK).codebook;
    assert.deepEqual(plain(defaultCodebook()), plain(built));
    assert.equal(defaultCodebook().codes.size, 8);
  });

  it('keeps definition locations pointing into the built-in YAML text', () => {
    const weakness = defaultCodebook().codes.get('weakness')!;
    assert.equal(weakness.location.source, BUILTIN_CODEBOOK);
    assert.equal(BUILTIN_CODEBOOK.text.slice(weakness.location.range.start, weakness.location.range.end), 'weakness');
    const outcome = defaultCodebook().fields.get('outcome')!.values!.get('inconsistent')!;
    assert.deepEqual(outcome.when.get('framework'), ['2023']);
    assert.equal(BUILTIN_CODEBOOK.text.slice(outcome.location.range.start, outcome.location.range.end), 'inconsistent');
  });

  it('round-trips through JSON', () => {
    const built = buildCodebook(BUILTIN_CODEBOOK).codebook;
    const restored = restoreCodebook(JSON.parse(JSON.stringify(snapshotCodebook(built))), built.sources);
    assert.deepEqual(plain(restored), plain(built));
  });
});
