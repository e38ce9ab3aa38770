/** Which reports a summary or an export covers. */
export type FindingsScope =
  /** One report, open or on disk. */
  | { readonly kind: 'document'; readonly uri: string }
  /** Every report of the dataset in every workspace folder (what `findings export .` sees at each folder root). */
  | { readonly kind: 'workspace' }
  /** Every report of the dataset under a folder (a workspace folder or one inside it). */
  | { readonly kind: 'folder'; readonly uri: string };
