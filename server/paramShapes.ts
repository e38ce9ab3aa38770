// The shape of each request's and notification's parameters, declared next to
// its handler and checked before it runs: what the handler reads must be
// there and of the right type, so that a malformed message is answered with
// InvalidParams (naming the bad member), never with an internal error from
// deep inside a feature. Members a handler does not read are not checked
// (clients may send more than the protocol says).

/** What is wrong with a value: where (a member path, empty for the value itself) and what. */
export interface Problem {
  readonly at: string;
  readonly problem: string;
}

/** Checks a value: what is wrong with it, or undefined. */
export type Shape = (value: unknown) => Problem | undefined;

/** A shape that may also be absent (undefined, or null, which JSON clients send for "none"). */
export interface OptionalShape {
  readonly optional: Shape;
}

export type Member = Shape | OptionalShape;

/** The members of an object, each required unless wrapped in `optional`. */
export type Members = Readonly<Record<string, Member>>;

export function optional(shape: Shape): OptionalShape {
  return { optional: shape };
}

function is(test: (value: unknown) => boolean, problem: string): Shape {
  return (value) => (test(value) ? undefined : { at: '', problem });
}

export const string = is((value) => typeof value === 'string', 'must be a string');
export const boolean = is((value) => typeof value === 'boolean', 'must be true or false');
/** LSP's `uinteger`: lines, characters, kinds. */
export const uinteger = is((value) => Number.isInteger(value) && (value as number) >= 0, 'must be a non-negative integer');
export const integer = is((value) => Number.isInteger(value), 'must be an integer');

export function object(members: Members): Shape {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { at: '', problem: 'must be an object' };
    const record = value as Record<string, unknown>;
    for (const [name, member] of Object.entries(members)) {
      const found = checkMember(record[name], member);
      if (found) return { at: found.at === '' || found.at.startsWith('[') ? `${name}${found.at}` : `${name}.${found.at}`, problem: found.problem };
    }
    return undefined;
  };
}

/** A list; the first bad item is named by its index. */
export function array(item: Shape): Shape {
  return (value) => {
    if (!Array.isArray(value)) return { at: '', problem: 'must be a list' };
    for (let index = 0; index < value.length; index++) {
      const found = item(value[index]);
      if (found) return { at: found.at === '' || found.at.startsWith('[') ? `[${index}]${found.at}` : `[${index}].${found.at}`, problem: found.problem };
    }
    return undefined;
  };
}

/** An object used as a map: any names, each value of one shape. */
export function dictionary(item: Shape): Shape {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { at: '', problem: 'must be an object' };
    for (const [name, member] of Object.entries(value)) {
      const found = item(member);
      if (found) return { at: found.at === '' || found.at.startsWith('[') ? `${name}${found.at}` : `${name}.${found.at}`, problem: found.problem };
    }
    return undefined;
  };
}

export function oneOf(...values: readonly unknown[]): Shape {
  return is((value) => values.includes(value), `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
}

/** One of several object shapes, told apart by the value of one member (a tagged union). */
export function variant(tag: string, shapes: Readonly<Record<string, Members>>): Shape {
  const tags = Object.keys(shapes);
  return (value) => {
    const kind = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[tag] : undefined;
    if (typeof kind !== 'string' || !Object.hasOwn(shapes, kind)) {
      return object({ [tag]: oneOf(...tags) })(value);
    }
    return object(shapes[kind])(value);
  };
}

function checkMember(value: unknown, member: Member): Problem | undefined {
  if (typeof member === 'function') return value === undefined ? { at: '', problem: 'is missing' } : member(value);
  return value === undefined || value === null ? undefined : member.optional(value);
}

// ------------------------------------------------------------ LSP's shapes

export const position = object({ line: uinteger, character: uinteger });
export const range = object({ start: position, end: position });
export const textDocumentIdentifier = object({ uri: string });

/** The members of the requests about a place in a document (hover, definition, …). */
export const textDocumentPosition: Members = { textDocument: textDocumentIdentifier, position };

/** What is wrong with a message's parameters, as "`member.path` must …"; undefined when they fit. */
export function checkShape(params: unknown, members: Members): string | undefined {
  // Parameters of which nothing is required may be left out altogether.
  if ((params === undefined || params === null) && Object.values(members).every((member) => typeof member !== 'function')) return undefined;
  const found = object(members)(params);
  if (!found) return undefined;
  return found.at === '' ? `the params ${found.problem}` : `\`${found.at}\` ${found.problem}`;
}
