import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import { occurrences } from './references';
import { symbolAtOffset } from './symbolAtOffset';

/** The other uses, in the same report, of the code, theme or id at an offset. */
export function highlightsAt(document: ReportDocument, codebook: Codebook, offset: number): OffsetRange[] {
  const symbol = symbolAtOffset(document, codebook, offset);
  if (symbol?.kind === 'code' || symbol?.kind === 'theme') return occurrences(document, codebook, { kind: symbol.kind, name: symbol.name });
  if (symbol?.kind === 'id') {
    const ranges: OffsetRange[] = [];
    for (const span of document.spans) for (const id of span.ids) if (id.value === symbol.value) ranges.push(id.range);
    return ranges;
  }
  return [];
}
