// The editor's code-tint settings (`findings.editor.*`, contributed in
// package.json), read leniently: a value of the wrong type falls back to its
// default instead of breaking the decorations. No vscode import, so that the
// unit tests can check these rules on their own.

/** Keys under the `findings` section. */
export const CODE_TINT_KEY = 'editor.codeTint';
export const MARKUP_KEY = 'editor.markup';

export const MARKUP_MODES = ['show', 'dim'] as const;
/** `show`: span markup as it is; `dim`: `[` and `]{…}` drawn with lower contrast. */
export type MarkupMode = (typeof MARKUP_MODES)[number];

export const DEFAULT_CODE_TINT = 0.18;
export const DEFAULT_MARKUP: MarkupMode = 'show';

export interface DecorationSettings {
  /** The opacity of a code's tint over its passages, 0 (no tints) to 1. */
  readonly codeTint: number;
  readonly markup: MarkupMode;
}

export function parseCodeTint(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_CODE_TINT;
  return Math.min(1, Math.max(0, value));
}

export function parseMarkupMode(value: unknown): MarkupMode {
  return MARKUP_MODES.find((mode) => mode === value) ?? DEFAULT_MARKUP;
}

/** The settings from a `findings` configuration section's getter. */
export function readDecorationSettings(get: (key: string) => unknown): DecorationSettings {
  return { codeTint: parseCodeTint(get(CODE_TINT_KEY)), markup: parseMarkupMode(get(MARKUP_KEY)) };
}

/** Where a setting's values are defined (the shape of `WorkspaceConfiguration.inspect`). */
export interface SettingValues {
  readonly workspaceValue?: unknown;
  readonly globalValue?: unknown;
}

/**
 * Where the toggle writes the markup mode: into the workspace's settings when
 * they set it (a user setting would be shadowed there), else the user's.
 */
export function markupSettingTarget(values: SettingValues | undefined): 'workspace' | 'global' {
  return values?.workspaceValue !== undefined ? 'workspace' : 'global';
}

export function otherMarkupMode(mode: MarkupMode): MarkupMode {
  return mode === 'dim' ? 'show' : 'dim';
}
