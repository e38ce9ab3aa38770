// The reader's tagging keys: the editor's own (package.json keybindings of
// findings.tagAsStrength, …Weakness, …Wsoa, …Quote), so a researcher's hands
// do the same thing in both places. Ctrl+Alt+M adds a memo, as in the editor.

/** The letter of Ctrl+Alt+<letter> that tags with each code. */
export const TAG_KEYS: Readonly<Record<string, string>> = { strength: 's', weakness: 'w', wsoa: 'a', quote: 'q' };
export const MEMO_KEY = 'm';

/** How a key is written beside a button ("Ctrl+Alt+W"), and for aria-keyshortcuts ("Control+Alt+W"). */
export function keyHint(letter: string): { readonly shown: string; readonly aria: string } {
  const upper = letter.toUpperCase();
  return { shown: `Ctrl+Alt+${upper}`, aria: `Control+Alt+${upper}` };
}

/**
 * The letter of a Ctrl+Alt+<letter> press, or null. Read from the physical
 * key (`code`) first: with Alt held, some layouts (macOS) give `key` another
 * character.
 */
export function chordLetter(event: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey' | 'key' | 'code'>): string | null {
  if (!event.ctrlKey || !event.altKey || event.shiftKey || event.metaKey) return null;
  const fromCode = /^Key([A-Z])$/.exec(event.code ?? '');
  if (fromCode) return fromCode[1].toLowerCase();
  return /^[a-zA-Z]$/.test(event.key) ? event.key.toLowerCase() : null;
}
