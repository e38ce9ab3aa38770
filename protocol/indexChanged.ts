import { NotificationType } from 'vscode-languageserver-protocol';

export interface IndexChangedParams {
  /** Increases with every change; equal generations mean equal answers. */
  readonly generation: number;
  /** The report URIs whose results changed; none when any report's may have (a codebook changed, or a setting such as which copies count). */
  readonly uris: readonly string[];
}
/**
 * `findings/indexChanged`, from the server (debounced): reports, codebooks or
 * the dataset changed, and a report's results are final for its current text.
 * The summary panel and the status bar ask again when they see it.
 */
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('findings/indexChanged');
