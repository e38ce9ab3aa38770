import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { checkShape, type Members } from './paramShapes';

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
 * Wraps a request handler: parameters that do not fit the handler's declared
 * shape are answered with InvalidParams before it runs, a cancelled request
 * with RequestCancelled, a request whose document changed meanwhile with
 * ContentModified, and a failure is logged and answered with an error while
 * the server goes on.
 */
export function guard<P, R>(connection: Connection, name: string, shape: Members, handler: (params: P, token: CancellationToken) => R | Promise<R>, versionOf?: VersionOf) {
  return async (params: P, token: CancellationToken): Promise<R | AnyResponseError> => {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    try {
      const problem = checkShape(params, shape);
      if (problem !== undefined) throw new ResponseError(ErrorCodes.InvalidParams, `${name}: invalid params: ${problem}`);
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

/**
 * Wraps a notification handler: a notification whose parameters do not fit
 * the declared shape is logged and ignored (there is no one to answer), and a
 * failure is logged, never thrown.
 */
export function guardNotification<P>(connection: Connection, name: string, shape: Members, handler: (params: P) => void | Promise<void>) {
  return (params: P): void => {
    const problem = checkShape(params, shape);
    if (problem !== undefined) {
      connection.console.error(`${name}: ignored, invalid params: ${problem}`);
      return;
    }
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
