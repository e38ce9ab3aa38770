// Checks on a message from a webview, which is untrusted: each check returns
// the value it accepts (so that callers build a fresh copy) or throws
// `InvalidMessage` with the reason. No imports: a webview bundle may use them.

export class InvalidMessage extends Error {}

/** A checked message, or why it was rejected. */
export type Parsed<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly reason: string };

export function fail(reason: string): never {
  throw new InvalidMessage(reason);
}

/** Runs the checks of `read`; a failed check becomes `{ ok: false }` (other errors are bugs and propagate). */
export function parsed<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, message: read() };
  } catch (error) {
    if (error instanceof InvalidMessage) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A plain object (no class instance, no array). */
export function plainObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} is not an object`);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) fail(`${what} is not a plain object`);
  return value as Record<string, unknown>;
}

/** Every key of the object is one of `keys`: an unknown key means a sender that is not ours. */
export function onlyKeys(value: Record<string, unknown>, keys: readonly string[], what: string): void {
  for (const key of Object.keys(value)) if (!keys.includes(key)) fail(`${what} has an unexpected field "${key.slice(0, 50)}"`);
}

export function boundedString(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') fail(`${what} is not a string`);
  if (value.length > max) fail(`${what} is longer than ${max} characters`);
  return value;
}

/** A whole number from 0 to `max`. */
export function wholeNumber(value: unknown, what: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) fail(`${what} is not a whole number from 0 to ${max}`);
  return value;
}

export function boolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') fail(`${what} is not true or false`);
  return value;
}

/** A list of at most `maxItems` strings of at most `maxLength` characters each. */
export function stringList(value: unknown, what: string, maxItems: number, maxLength: number): string[] {
  if (!Array.isArray(value)) fail(`${what} is not a list`);
  if (value.length > maxItems) fail(`${what} has more than ${maxItems} entries`);
  return value.map((item, i) => boundedString(item, `${what}[${i}]`, maxLength));
}

/** A test probe (`test:…`, test builds only), checked field by field where it is answered; anything else is an unknown message. */
export function probeOrUnknown<T extends { readonly type: `test:${string}`; readonly id: number }>(o: Record<string, unknown>): T {
  if (typeof o.type === 'string' && o.type.startsWith('test:')) return { ...o, type: o.type, id: wholeNumber(o.id, 'id') } as unknown as T;
  return fail(`unknown message type ${JSON.stringify(typeof o.type === 'string' ? o.type.slice(0, 50) : typeof o.type)}`);
}

/** The checked message, or null with the reason on the console (a webview's own check of what its host sends). */
export function checkedOrDropped<T>(who: string, read: () => T): T | null {
  const result = parsed(read);
  if (result.ok) return result.message;
  console.warn(`${who}: a message was dropped: ${result.reason}`);
  return null;
}
