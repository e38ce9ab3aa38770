import path from 'node:path';
import { REPORT_SUFFIX } from '../../fileNames';

/** What a reference report's name says after the article's: `hartlepool-2017.adjudicated.report.md`. */
const REFERENCE_INFIX = '.adjudicated';

/**
 * Where a new reference report goes: beside the first copy, named after the
 * article, the copies' common name before their last dot segment
 * (`hartlepool-2017.jd.report.md` → `hartlepool-2017.adjudicated.report.md`).
 * Copies named otherwise give their longest common start, and failing that
 * the first copy's name. `taken` says whether a path already holds a report
 * of another article; then `-2`, `-3`… is added. Paths use `/`.
 */
export function referencePath(copyPaths: readonly string[], taken: (candidate: string) => boolean): string {
  const first = copyPaths[0];
  const folder = path.posix.dirname(first);
  const articles = copyPaths.map((copy) => {
    const stem = path.posix.basename(copy).slice(0, -REPORT_SUFFIX.length);
    const dot = stem.lastIndexOf('.');
    return dot > 0 ? stem.slice(0, dot) : stem;
  });
  let article = articles[0];
  for (const other of articles) {
    let common = 0;
    while (common < article.length && common < other.length && article[common] === other[common]) common++;
    article = article.slice(0, common);
  }
  article = article.replace(/[-_. ]+$/, '') || articles[0];
  const at = (suffix: string) => (folder === '.' ? '' : `${folder}/`) + article + REFERENCE_INFIX + suffix + REPORT_SUFFIX;
  let candidate = at('');
  for (let n = 2; taken(candidate); n++) candidate = at(`-${n}`);
  return candidate;
}

/** A copy's path as the reference lists it in `adjudicated_from`: relative to the reference's folder, with `/`. */
export function pathFromReference(referencePath: string, copyPath: string): string {
  return path.posix.relative(path.posix.dirname(referencePath), copyPath);
}
