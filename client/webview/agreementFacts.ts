// Reads back the agreement section from the DOM (test builds only, through
// inspect.ts): the statement, the per-code table and the pairwise matrix,
// as the user sees them.
import type { AgreementFacts } from '../summary/messages';

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A table's body as row key -> column -> cell text. */
function cells(table: string): Record<string, Record<string, string>> {
  const rows: Record<string, Record<string, string>> = {};
  for (const row of document.querySelectorAll(`table[data-table="${table}"] tbody tr`)) {
    const values: Record<string, string> = {};
    for (const cell of row.querySelectorAll('td')) values[cell.getAttribute('data-col') ?? ''] = text(cell);
    rows[text(row.querySelector('th'))] = values;
  }
  return rows;
}

/** The section as displayed; null when the panel shows none. */
export function agreementFacts(): AgreementFacts | null {
  const section = document.getElementById('agreement');
  if (!section) return null;
  return { statement: text(section.querySelector('.agreement-statement')), byCode: cells('agreementByCode'), matrix: cells('agreementMatrix') };
}
