import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import type { FrontMatterOf } from './workspaceFieldValues';

export type CompletionKind = 'field' | 'value' | 'area' | 'date' | 'code' | 'attribute' | 'theme' | 'id' | 'snippet';

/** A completion as plain data: the front end turns it into its own item type. */
export interface CompletionProposal {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The text replacing `range`; a snippet (`$1`, `${1|a,b|}`) when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly range: OffsetRange;
  readonly filterText?: string;
  readonly sortText?: string;
  readonly preselect?: boolean;
  /** Suggest again after inserting: a key whose value has suggestions. */
  readonly retrigger?: boolean;
}

export interface CompletionOptions {
  /** Today's date as YYYY-MM-DD, offered for date fields. */
  readonly today: string;
  /** Whether the editor takes snippets; plain text otherwise. */
  readonly snippets?: boolean;
  /**
   * The other reports of the workspace (the report's own folder), from which
   * free-text fields such as `annotator` and `partners` are completed. Called
   * only when completing such a field; without it they get no completions.
   */
  /** The other reports' front matter (what free-text fields are completed from). */
  readonly otherReports?: () => Iterable<FrontMatterOf>;
}
