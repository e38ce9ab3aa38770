// What each paragraph block of the article shows, as plain data, before any
// DOM exists: its text, its runs and the passages in it (with what they are
// called and how they are painted). Two plans that show the same thing
// (samePlan) differ at most in where they lie in the article and in their
// passages' numbers, so a block whose plan is unchanged after an edit keeps
// its DOM. After a delta only the stretch of the article it touched is
// planned (articleWindow.ts).
import { articleBlocks, type ArticleBlock } from '../../../core/reader/articleBlocks';
import { highlightStyles, safeCodeColor, type HighlightStyle } from '../../../core/reader/highlightStyle';
import { firstWords, passageLabel, readerLabels, stripeLabel } from '../../../core/reader/passageLabels';
import { passageRuns } from '../../../core/reader/passageRuns';
import type { ShownDelta, ShownModel } from './shownModel';
import { articleChange, deltaChange, sameStyle, type Drawn } from './articleChanges';
import { planWindow } from './articleWindow';

export interface PlannedStripe {
  readonly code: string;
  /** The code's label, and the stripe's: the code and the passage's themes. */
  readonly codeLabel: string;
  readonly label: string;
  readonly color: string;
}

/** A passage as one block shows it. */
export interface LocalPassage {
  /** The passage opens in this block (its focusable highlight, its label and memo note are here). */
  readonly opens: boolean;
  /** The screen-reader name, on the piece that opens it, and the first words it quotes. */
  readonly label: string | null;
  readonly words: string | null;
  readonly style: HighlightStyle;
  /** The underline room, in pixels, left out of the stripes. */
  readonly pad: number;
  readonly stripes: readonly PlannedStripe[];
  /** The memo note shown beside the block where the passage opens. */
  readonly memo: string | null;
}

export interface PlannedRun {
  /** Offsets relative to the block. */
  readonly start: number;
  readonly end: number;
  /** Positions in the block's `locals`, outermost first. */
  readonly passages: readonly number[];
}

export interface BlockPlan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly runs: readonly PlannedRun[];
  readonly locals: readonly LocalPassage[];
  /** The model's position of each local passage. */
  readonly globals: readonly number[];
}

/** An article's plan: its blocks', and what the next plan compares with. */
export interface ArticlePlan extends Drawn {
  readonly blocks: readonly BlockPlan[];
}

/**
 * Plans the article. With the plan of the model drawn before, a block that
 * lies away from what changed (articleChanges.ts) takes its old plan, moved:
 * the same runs and passages, so it is kept without a comparison. With the
 * delta that gave the model, what changed is known, and only the blocks
 * around it are looked at.
 */
export function planArticle(model: ShownModel, previous: ArticlePlan | null, delta: ShownDelta | null = null): ArticlePlan {
  const { cleanText, passages } = model;
  const styles = highlightStyles(passages, model.codes);
  const change = previous ? (delta ? deltaChange(previous, model, styles, delta) : articleChange(previous, model, styles)) : null;
  const planBlock = blockPlanner(model, styles);
  if (change && previous && delta) {
    const blocks = planWindow(previous.blocks, model, change, planBlock);
    if (blocks) return { model, styles, blocks };
  }
  const oldByStart = change && previous ? new Map(previous.blocks.map((plan) => [change.newOffset(plan.start), plan])) : null;
  const blocks = articleBlocks(cleanText, passageRuns(cleanText.length, passages)).map((block): BlockPlan => {
    if (change && oldByStart && (block.end < change.start || block.start > change.end)) {
      const old = oldByStart.get(block.start);
      if (old && old.end - old.start === block.end - block.start && cleanText.startsWith(old.text, block.start)) {
        const globals = old.globals.map(change.newPassage);
        if (globals.every((g) => g !== null)) return { ...old, start: block.start, end: block.end, globals: globals as number[] };
      }
    }
    return planBlock(block);
  });
  return { model, styles, blocks };
}

/** Plans one block afresh: its runs, and each passage in it as the block shows it. */
export type BlockPlanner = (block: ArticleBlock) => BlockPlan;

function blockPlanner(model: ShownModel, styles: readonly HighlightStyle[]): BlockPlanner {
  const { cleanText, passages } = model;
  const labels = readerLabels(model.codes, model.themes);
  const colors = new Map(model.codes.map((code) => [code.name, safeCodeColor(code.color)]));
  return (block) => {
    const localOf = new Map<number, number>();
    const globals: number[] = [];
    const locals: LocalPassage[] = [];
    const runs: PlannedRun[] = block.runs.map((run) => ({
      start: run.start - block.start,
      end: run.end - block.start,
      passages: run.passages.map((p) => {
        let local = localOf.get(p);
        if (local === undefined) {
          local = locals.length;
          localOf.set(p, local);
          globals.push(p);
          const passage = passages[p];
          const opens = passage.start >= block.start;
          const words = opens ? firstWords(cleanText, passage) : null;
          locals.push({
            opens,
            label: words === null ? null : passageLabel(passage, labels, cleanText, words),
            words,
            style: styles[p],
            pad: parseFloat(styles[p].pad) || 0,
            stripes: passage.codes.map((code) => ({ code, codeLabel: labels.code(code), label: stripeLabel(code, passage, labels), color: colors.get(code) ?? safeCodeColor(undefined) })),
            memo: opens ? passage.memo : null,
          });
        }
        return local;
      }),
    }));
    const text = cleanText.slice(block.start, block.end);
    return { start: block.start, end: block.end, text, runs, locals, globals };
  };
}

/** Whether two plans draw the same DOM (their text, runs and passages as shown; not their offsets). */
export function samePlan(a: BlockPlan, b: BlockPlan): boolean {
  // A plan taken over from the previous one shares its runs and passages.
  if (a.runs === b.runs && a.locals === b.locals) return true;
  if (a.text !== b.text || a.runs.length !== b.runs.length || a.locals.length !== b.locals.length) return false;
  for (let i = 0; i < a.runs.length; i++) {
    const [x, y] = [a.runs[i], b.runs[i]];
    if (x.start !== y.start || x.end !== y.end || !sameList(x.passages, y.passages)) return false;
  }
  for (let i = 0; i < a.locals.length; i++) {
    const [x, y] = [a.locals[i], b.locals[i]];
    if (x.opens !== y.opens || x.label !== y.label || x.words !== y.words || x.memo !== y.memo || x.pad !== y.pad || !sameStyle(x.style, y.style)) return false;
    if (x.stripes.length !== y.stripes.length) return false;
    for (let k = 0; k < x.stripes.length; k++) {
      const [s, t] = [x.stripes[k], y.stripes[k]];
      if (s.code !== t.code || s.codeLabel !== t.codeLabel || s.label !== t.label || s.color !== t.color) return false;
    }
  }
  return true;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}


