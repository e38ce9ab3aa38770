import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { countDocument } from '../stats/counts';
import type { Diagnostic } from '../validate/diagnostic';

/**
 * The codebook as plain data, for pickers and summary views (the shape of the
 * `findings/codebook` request). An attribute that holds themes has `values`
 * null and `holdsThemes` true, rather than a copy of every theme's name: the
 * reply stays proportional to the codebook, not to its codes times its themes.
 */
export function codebookSummary(codebook: Codebook) {
  return {
    name: codebook.name,
    version: codebook.version,
    codes: [...codebook.codes.values()].map((code) => ({
      name: code.name,
      label: code.label,
      description: code.description,
      color: code.color,
      attributes: [...code.attributes.values()].map((attribute) => ({
        name: attribute.name,
        required: attribute.required,
        values: attribute.values === 'themes' || attribute.values === undefined ? null : [...attribute.values],
        holdsThemes: attribute.values === 'themes',
        multiple: attribute.multiple,
        description: attribute.description ?? null,
      })),
    })),
    themes: [...codebook.themes.values()].map((theme) => ({ name: theme.name, label: theme.label, definition: theme.definition })),
  };
}

/** Span counts and problem counts of one report (the shape of the `findings/documentCounts` request). */
export function documentSummary(document: ReportDocument, diagnostics: readonly Diagnostic[], codebook: Codebook) {
  const counts = countDocument('', document, codebook);
  return {
    spans: counts.spans,
    byCode: counts.byCode,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
