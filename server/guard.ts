import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

/** Thrown by long-running work when its request was cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('Request cancelled');
  }
}

/** Thrown when the document changed while a request was being answered. */
export class ContentModified extends Error {
  constructor() {
    super('The document changed while the request was answered');
  }
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new Cancelled();
}

/**
 * Yields to the event loop now and then while walking a long list, so that
 * cancellations and newer edits get through, and stops on cancellation.
 */
export async function* cooperative<T>(items: Iterable<T>, token: CancellationToken | undefined, every = 20): AsyncGenerator<T> {
  let count = 0;
  let last = Date.now();
  for (const item of items) {
    if (++count % every === 0 || Date.now() - last > 15) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = Date.now();
      throwIfCancelled(token);
    }
    yield item;
  }
}

// Error data differs by request (void for most, DiagnosticServerCancellationData for diagnostics).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyResponseError = ResponseError<any>;

/** The version of the open document a request is about, so that stale answers can be dropped. */
export type VersionOf = (params: unknown) => number | undefined;

/**
 * Wraps a request handler: a cancelled request is answered with
 * RequestCancelled, a request whose document changed meanwhile with
 * ContentModified, and a failure is logged and answered with an error
 * while the server goes on.
 */
export function guard<P, R>(connection: Connection, name: string, handler: (params: P, token: CancellationToken) => R | Promise<R>, versionOf?: VersionOf) {
  return async (params: P, token: CancellationToken): Promise<R | AnyResponseError> => {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    try {
      checkParams(name, params);
      const version = versionOf?.(params);
      const result = await handler(params, token);
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
      if (version !== undefined && versionOf?.(params) !== version) return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed');
      return result;
    } catch (error) {
      return asResponseError(connection, name, error);
    }
  };
}

/**
 * Rejects the malformed parts the LSP types promise: a `textDocument` without
 * a string `uri`, a `position` or `range` without non-negative integers.
 */
export function checkParams(name: string, params: unknown): void {
  if (params === null || typeof params !== 'object') return;
  const record = params as Record<string, unknown>;
  const invalid = (what: string) => new ResponseError(ErrorCodes.InvalidParams, `${name}: invalid params: ${what}`);
  if ('textDocument' in record) {
    const document = record.textDocument as { uri?: unknown } | null;
    if (typeof document !== 'object' || document === null || typeof document.uri !== 'string') throw invalid('`textDocument.uri` must be a string');
  }
  if ('position' in record && !isPosition(record.position)) throw invalid('`position` must be { line, character } with non-negative integers');
  if ('range' in record) {
    const range = record.range as { start?: unknown; end?: unknown } | null;
    if (typeof range !== 'object' || range === null || !isPosition(range.start) || !isPosition(range.end)) throw invalid('`range` must be { start, end } positions');
  }
}

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | null;
  return typeof position === 'object' && position !== null
    && Number.isInteger(position.line) && (position.line as number) >= 0
    && Number.isInteger(position.character) && (position.character as number) >= 0;
}

export function asResponseError(connection: Connection, name: string, error: unknown): AnyResponseError {
  if (error instanceof ResponseError) {
    if (error.code === ErrorCodes.InvalidParams) connection.console.error(error.message);
    return error;
  }
  if (error instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  if (error instanceof ContentModified) return new ResponseError(LSPErrorCodes.ContentModified, error.message);
  const message = error instanceof Error ? error.message : String(error);
  connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
  return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${message}`);
}

/** Wraps a notification handler: a failure is logged, never thrown. */
export function guardNotification<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>) {
  return (params: P): void => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => logFailure(connection, name, error));
    } catch (error) {
      logFailure(connection, name, error);
    }
  };
}

export function logFailure(connection: Connection, name: string, error: unknown): void {
  if (error instanceof Cancelled || error instanceof ContentModified) return;
  connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
