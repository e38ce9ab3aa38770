/**
 * What a passage is called where it is shown without its markup: the coded
 * reader's screen-reader labels, its stripes and tooltips, and the saved
 * HTML. No imports beyond the reader's types: the webview bundle uses it.
 */
import type { ReaderCode, ReaderPassage, ReaderTheme } from './readerTypes';

/** How many words of a passage its label quotes. */
const FIRST_WORDS = 8;
/** How far into a passage those words are looked for (a passage may be a whole page). */
export const WORDS_WINDOW = 240;

export interface ReaderLabels {
  code(name: string): string;
  theme(name: string): string;
}

/** Labels from the model's codes and themes (a name it lacks stands for itself). */
export function readerLabels(codes: readonly ReaderCode[], themes: readonly ReaderTheme[]): ReaderLabels {
  const codeLabels = new Map(codes.map((code) => [code.name, code.label]));
  const themeLabels = new Map(themes.map((theme) => [theme.name, theme.label]));
  return {
    code: (name) => codeLabels.get(name) ?? name,
    theme: (name) => themeLabels.get(name) ?? name,
  };
}

/**
 * The first words of the passage's text, with "…" when there are more:
 * runs of what `\s` does not match, found natively in the window only (the
 * reader labels every passage it draws, before its code is optimised).
 */
export function firstWords(cleanText: string, passage: Pick<ReaderPassage, 'start' | 'end'>): string {
  const end = Math.min(passage.end, passage.start + WORDS_WINDOW);
  const window = passage.start < end ? cleanText.slice(passage.start, end) : '';
  const words: string[] = [];
  const word = /\S+/g;
  for (let found = word.exec(window); found !== null && words.length <= FIRST_WORDS; found = word.exec(window)) words.push(found[0]);
  const more = words.length > FIRST_WORDS || passage.end > end;
  return words.slice(0, FIRST_WORDS).join(' ') + (more ? '…' : '');
}

/** "Weakness and Quote, themes leadership and outcomes: the first words…" (a screen reader's name for the passage). */
export function passageLabel(passage: Pick<ReaderPassage, 'start' | 'end' | 'codes' | 'themes'>, labels: ReaderLabels, cleanText: string, words = firstWords(cleanText, passage)): string {
  const codes = joinWords(passage.codes.map(labels.code));
  const themes = passage.themes.length === 0 ? '' : `, ${passage.themes.length === 1 ? 'theme' : 'themes'} ${joinWords(passage.themes.map(labels.theme))}`;
  return `${codes || 'Passage'}${themes}: ${words || '(empty)'}`;
}

/** A stripe's label: the code, then the passage's themes. */
export function stripeLabel(code: string, passage: Pick<ReaderPassage, 'themes'>, labels: ReaderLabels): string {
  const themes = passage.themes.map(labels.theme).join(', ');
  return themes === '' ? labels.code(code) : `${labels.code(code)} · ${themes}`;
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
