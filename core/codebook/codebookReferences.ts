import type { Diagnostic } from '../diagnostics/diagnostic';
import type { OffsetRange } from '../text/range';
import { CODEBOOK_RULES } from './codebookRules';
import type { Codebook, CodebookSource } from './types';

/** Names a workspace codebook uses (in `expects_codes` and `when`) must exist in the codebook it builds. */
export function checkReferences(codebook: Codebook, source: CodebookSource): Array<Diagnostic<'codebook-reference'>> {
  const diagnostics: Array<Diagnostic<'codebook-reference'>> = [];
  const problem = (range: OffsetRange, message: string) =>
    diagnostics.push({ rule: 'codebook-reference', severity: CODEBOOK_RULES['codebook-reference'].severity, message, range, fixes: [] });
  for (const field of codebook.fields.values()) {
    if (field.location.source !== source) continue;
    for (const value of field.values?.values() ?? []) {
      for (const code of value.expectsCodes) {
        if (!codebook.codes.has(code)) problem(value.location.range, `\`${value.name}\` expects the code \`${code}\`, which the codebook does not define.`);
      }
      for (const other of value.when.keys()) {
        if (!codebook.fields.has(other)) problem(value.location.range, `\`${value.name}\` depends on the field \`${other}\`, which the codebook does not define.`);
      }
    }
  }
  return diagnostics;
}
