/**
 * The line ending to write into a text: CRLF when the text already has one,
 * LF otherwise (also for a text of one line). Edits keep a file's own line
 * endings, since nothing in a report is ever normalised.
 */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
