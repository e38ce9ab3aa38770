import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Utf8Batches } from '../../core/export/utf8Batches';

/** Writes the chunks through batches of `size` bytes; gives every handed-on batch. */
function batched(chunks: readonly string[], size: number): Buffer[] {
  const handed: Buffer[] = [];
  const buffer = new Uint8Array(size);
  const batches = new Utf8Batches(buffer, (filled) => {
    assert.ok(filled.length > 0 && filled.length <= size);
    handed.push(Buffer.from(filled));
    return buffer;
  });
  for (const chunk of chunks) batches.write(chunk);
  batches.flush();
  return handed;
}

describe('core/export Utf8Batches', () => {
  // Astral characters (4 bytes), other non-ASCII (2 and 3 bytes), and long chunks that span several batches.
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', '"', '\n', 'é', '’', '😀', '𝑥'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 60 });

  it('hands on exactly the UTF-8 of the text written, never a character cut in two', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 20 }), fc.integer({ min: 4, max: 64 }), (chunks, size) => {
      const handed = batched(chunks, size);
      assert.deepEqual(Buffer.concat(handed), Buffer.from(chunks.join(''), 'utf8'));
      // Each batch decodes on its own: no character straddles two batches.
      for (const batch of handed) assert.equal(Buffer.from(batch.toString('utf8'), 'utf8').equals(batch), true);
    }), { numRuns: 2000 });
  });

  it('fills each batch before handing it on', () => {
    const handed = batched(['x'.repeat(1000)], 64);
    assert.deepEqual(handed.map((batch) => batch.length), [...Array(15).fill(64), 40]);
  });

  it('refuses a buffer too small for one character instead of looping', () => {
    const batches = new Utf8Batches(new Uint8Array(3), (filled) => new Uint8Array(filled.buffer));
    assert.throws(() => batches.write('😀'), /too small/);
  });
});
