// The names of the files the product reads, spelled once for the core, the
// CLI, the language server and the client. Plain constants with no imports,
// so that every bundle (the webview's too) can take them.

/** What ends the name of every report. */
export const REPORT_SUFFIX = '.report.md';
/** The workspace codebook, at the root of a folder unless configured otherwise. */
export const CODEBOOK_FILE = 'codebook.yaml';
/** The files that list reports a folder scan skips, in .gitignore syntax. */
export const IGNORE_FILE = '.findingsignore';
