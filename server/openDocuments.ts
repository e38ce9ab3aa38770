// The documents the client has open, kept in step with its notifications
// (didOpen, didChange, didSave, didClose). It stands in for the library's
// TextDocuments, which takes every notification as the protocol types it: one
// `didOpen` whose text is not a string would be stored as a document and fail
// every later request that reads the corpus. Here each notification's shape is
// checked first (see paramShapes.ts); a malformed one is logged and ignored,
// so the documents only ever hold well-formed text.
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { guardNotification } from './guard';
import { array, integer, object, optional, range, string, textDocumentIdentifier, uinteger } from './paramShapes';

/** What the server does when a document opens, changes, is saved or closes (each guarded: a failure is logged, never thrown). */
export interface DocumentEvents {
  opened(document: TextDocument): void | Promise<void>;
  changed(document: TextDocument): void | Promise<void>;
  saved(document: TextDocument): void | Promise<void>;
  closed(document: TextDocument): void | Promise<void>;
}

const didOpen = { textDocument: object({ uri: string, languageId: string, version: integer, text: string }) };
// A change is the whole text, or a range (with its optional, deprecated length) and the text that replaces it.
const contentChange = object({ text: string, range: optional(range), rangeLength: optional(uinteger) });
const didChange = { textDocument: object({ uri: string, version: integer }), contentChanges: array(contentChange) };
const didSave = { textDocument: textDocumentIdentifier, text: optional(string) };
const didClose = { textDocument: textDocumentIdentifier };

export class OpenDocuments {
  private readonly documents = new Map<string, TextDocument>();

  /** The open document at a URI, exactly as the client spelled it. */
  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  listen(connection: Connection, events: DocumentEvents): void {
    connection.onDidOpenTextDocument(guardNotification(connection, 'textDocument/didOpen', didOpen, ({ textDocument: td }: { textDocument: { uri: string; languageId: string; version: number; text: string } }) => {
      // Opened twice: the second text wins, as if the first had closed.
      const document = TextDocument.create(td.uri, td.languageId, td.version, td.text);
      this.documents.set(td.uri, document);
      return events.opened(document);
    }));

    connection.onDidChangeTextDocument(guardNotification(connection, 'textDocument/didChange', didChange, ({ textDocument: td, contentChanges }: { textDocument: { uri: string; version: number }; contentChanges: TextDocumentContentChangeEvent[] }) => {
      const known = this.documents.get(td.uri);
      if (!known) {
        connection.console.warn(`textDocument/didChange: ignored, ${td.uri} is not open`);
        return;
      }
      // An empty list of changes still moves the version on (requests name versions); a null
      // range is taken as none (the whole text), as a null member is taken as absent everywhere.
      const changes = contentChanges.map((change): TextDocumentContentChangeEvent => ('range' in change && change.range ? { range: change.range, text: change.text } : { text: change.text }));
      const document = TextDocument.update(known, changes, td.version);
      this.documents.set(td.uri, document);
      return events.changed(document);
    }));

    connection.onDidSaveTextDocument(guardNotification(connection, 'textDocument/didSave', didSave, ({ textDocument: td }: { textDocument: { uri: string } }) => {
      const document = this.documents.get(td.uri);
      return document ? events.saved(document) : undefined;
    }));

    connection.onDidCloseTextDocument(guardNotification(connection, 'textDocument/didClose', didClose, ({ textDocument: td }: { textDocument: { uri: string } }) => {
      const document = this.documents.get(td.uri);
      if (!document) return;
      this.documents.delete(td.uri);
      return events.closed(document);
    }));
  }
}
