import type { FileSystem } from './fileSystem';

/** A file whose bytes are not UTF-8, with the offset of the first bad byte. */
export class NotUtf8Error extends Error {
  constructor(readonly byte: number) {
    super(`not UTF-8 text (byte ${byte})`);
  }
}

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file's bytes as UTF-8, strictly: a byte order mark is dropped
 * (as editors do) and anything else that is not UTF-8 throws NotUtf8Error,
 * never a text with U+FFFD in it.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw new NotUtf8Error(firstInvalidByte(bytes));
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    // A prefix decodes unless it holds an invalid byte; cutting inside a valid sequence is forgiven by stream mode.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  // The decoder fails at the byte that breaks an unfinished sequence (or at the end of the file):
  // point at the sequence's lead byte, which is the one in the wrong encoding (Latin-1 `é` is 0xE9).
  for (let back = 1; back <= 3 && low - back >= 0; back++) {
    const byte = bytes[low - back];
    if (byte < 0x80) break;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back < length ? low - back : low;
    }
  }
  return low;
}

/** A text file read through a file system, decoded strictly (see decodeUtf8). */
export async function readUtf8File(fs: FileSystem, path: string): Promise<string> {
  return decodeUtf8(await fs.readFile(path));
}
