import type { AgreementFigures, LabelKind } from './agreementTypes';
import type { Annotation } from './annotations';
import { groupByArticle, type ArticleGroup } from './articleGroups';
import { computeAgreement } from './computeAgreement';
import { disagreementsOf, type Disagreement } from './disagreements';
import { sourceMismatches, type SourceMismatch } from './sourceMismatches';

export interface AgreementResult {
  readonly groups: readonly ArticleGroup[];
  readonly figures: AgreementFigures;
  /** Always by code (a theme difference is a kind of its own). */
  readonly disagreements: readonly Disagreement[];
  /** Reports that name the same source as another but whose texts differ. */
  readonly mismatches: readonly SourceMismatch[];
}

export interface AgreementRequest {
  readonly by: LabelKind;
  /** The codebook's codes and themes, in its order: tables list them so. */
  readonly codeOrder?: readonly string[];
  readonly themeOrder?: readonly string[];
}

/** Everything `findings agree` shows, from the annotators' copies (in any order). */
export function agreementOfReports(annotations: readonly Annotation[], request: AgreementRequest): AgreementResult {
  const groups = groupByArticle(annotations);
  return {
    groups,
    figures: computeAgreement(groups, { by: request.by, order: request.by === 'code' ? request.codeOrder : request.themeOrder }),
    disagreements: disagreementsOf(groups, request.codeOrder),
    mismatches: sourceMismatches(annotations),
  };
}
