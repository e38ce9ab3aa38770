// The `findings` settings (package.json `contributes.configuration`) as both
// the client and the server read them. Pure: no library of either side.

/** The `findings` section of the settings. */
export interface Settings {
  readonly validate: {
    /** Validate as the user types (after `debounceMs`), or only when the file is opened or saved. */
    readonly run: 'onType' | 'onSave';
    readonly debounceMs: number;
  };
  /** At most this many problems per file. */
  readonly maxProblems: number;
  /** `findings.codebook.path`: the workspace codebook relative to the folder root (per folder); undefined for the default. */
  readonly codebookPath: string | undefined;
  /** `findings.dataset.copies`: of an article coded by several annotators, count one copy (its adjudicated, else its first reviewed one) or all. */
  readonly datasetCopies: 'one' | 'all';
}

export const DEFAULT_SETTINGS: Settings = { validate: { run: 'onType', debounceMs: 300 }, maxProblems: 1000, codebookPath: undefined, datasetCopies: 'one' };
/** The longest `findings.validate.debounceMs` honoured. */
export const MAX_DEBOUNCE_MS = 60_000;

/** Reads the `findings` section as sent, keeping the defaults for anything missing or of the wrong type. */
export function readSettings(value: unknown): Settings {
  const section = isObject(value) ? value : {};
  const validate = isObject(section.validate) ? section.validate : {};
  const run = validate.run === 'onSave' || validate.run === 'onType' ? validate.run : DEFAULT_SETTINGS.validate.run;
  const debounceMs = typeof validate.debounceMs === 'number' && Number.isFinite(validate.debounceMs) && validate.debounceMs >= 0
    ? Math.min(validate.debounceMs, MAX_DEBOUNCE_MS)
    : DEFAULT_SETTINGS.validate.debounceMs;
  const maxProblems = typeof section.maxProblems === 'number' && Number.isFinite(section.maxProblems) && section.maxProblems >= 0
    ? Math.floor(section.maxProblems)
    : DEFAULT_SETTINGS.maxProblems;
  const codebook = isObject(section.codebook) ? section.codebook : {};
  const codebookPath = typeof codebook.path === 'string' && codebook.path.trim() !== '' ? codebook.path.trim() : undefined;
  const dataset = isObject(section.dataset) ? section.dataset : {};
  const datasetCopies = dataset.copies === 'all' || dataset.copies === 'one' ? dataset.copies : DEFAULT_SETTINGS.datasetCopies;
  return { validate: { run, debounceMs }, maxProblems, codebookPath, datasetCopies };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
