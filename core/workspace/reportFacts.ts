import { copyFactsOf, type CopyFacts } from '../agreement/countedCopies';
import { sourcedTextOf, type SourcedText } from '../agreement/annotations';
import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { FrontMatterOf } from '../language/workspaceFieldValues';
import { reportHasMemos } from '../memos/reportMemos';
import { digestReport, type ReportDigest } from '../summary/reportDigest';
import type { LineIndex } from '../text/lineIndex';
import { withOwnStrings } from '../text/ownCopy';
import type { Diagnostic } from '../validate/diagnostic';

/**
 * What the corpus-wide features read of every report, computed once per
 * report version while its parse is at hand, so that an index can let the
 * parse go: a summary, the copies counted once, the reports naming one
 * source, the article's other copies and the values other reports give a
 * field are all answered from these facts without parsing a report again.
 * Paths are left empty: a report's path depends on the scope asking.
 */
export interface ReportFacts {
  /** The article's fingerprint (articleFingerprint of the clean text). */
  readonly fingerprint: string;
  /** The article's fingerprint, annotator and status (copyFactsOf). */
  readonly copy: CopyFacts;
  /** The fingerprint, clean text and source fields (sourcedTextOf). */
  readonly sourced: SourcedText;
  /** The front matter's top-level keys and values (what other reports lend to completions). */
  readonly frontMatter: FrontMatterOf['frontMatter'];
  /** What the report gives a summary and its findings list. */
  readonly digest: ReportDigest;
  /** Whether the report holds a memo (its own or a passage's): a list of memos parses only the reports that do. */
  readonly hasMemos: boolean;
}

export function reportFacts(document: ReportDocument, diagnostics: readonly Diagnostic[], codebook: Codebook, lines?: LineIndex): ReportFacts {
  const sourced = sourcedTextOf('', document);
  // Field values are cut from the report's text: copied, so that the facts do not keep the text alive.
  const own = withOwnStrings({
    copy: copyFactsOf('', document),
    source: sourced.source,
    frontMatter: document.frontMatter && { fields: document.frontMatter.fields.map(({ key, value }) => ({ key, value })) },
  });
  return {
    fingerprint: sourced.fingerprint,
    copy: own.copy,
    sourced: { ...sourced, source: own.source },
    frontMatter: own.frontMatter,
    digest: digestReport(document, diagnostics, codebook, lines),
    hasMemos: reportHasMemos(document),
  };
}
