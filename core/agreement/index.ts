// Agreement between annotators' copies of one article: which reports belong
// together, the coefficients (pure functions on counts, exact fractions
// inside), the figures per article and pooled, and the disagreement list.
// The CLI's `findings agree` and the editor read the same functions.
export type * from './agreementTypes';
export type { Coefficient } from './coefficient';
export { annotationOf, annotatorOf, sourcedTextOf, uncomparedCopy, type Annotation, type AnnotatedSpan, type SourceFields, type SourcedText } from './annotations';
export { articlesOfCopies, groupByArticle, type ArticleGroup, type AnnotatorCopy } from './articleGroups';
export { sourceMismatches, type SourceMismatch } from './sourceMismatches';
export { computeAgreement, type AgreementOptions } from './computeAgreement';
export { agreementDocument, type AgreementDocument } from './agreementDocument';
export { agreementOfReports, type AgreementResult, type AgreementRequest } from './agreementOfReports';
export { disagreementsOf, DISAGREEMENT_KINDS, type Disagreement, type DisagreementKind, type CodedPassage } from './disagreements';
export { disagreementCsv, disagreementJsonl, disagreementFormatOf, describePassage, type DisagreementFormat } from './disagreementFormats';
export { UNIT, POOLING, CHARACTER_UNITS, UNDEFINED, MATCHING_RULE, MATCHING_RULE_SHORT } from './statements';
export { cohenKappa, scottPi, type ContingencyTable } from './cohenKappa';
export { fleissKappa } from './fleissKappa';
export { krippendorffAlpha, alphaOfCoincidences, coincidences, type AlphaMetric } from './krippendorffAlpha';
export { unitizingAlpha, overallUnitizingAlpha, unitizingDisagreement, unitizingSample, pairDistance, type UnitizingSample } from './unitizingAlpha';
export { uAlpha, type ValuedUnit } from './uAlpha';
export { matchSpans, type LabelledRange, type SpanMatching } from './spanMatching';
export { talliesOfRatings, talliesOfTable, type UnitTally } from './unitTallies';
export { compareArticle, type ArticleComparison, type ComparedCopy, type ComparedPassage, type ComparisonFigures } from './comparison';
export { PASSAGE_STATUSES, PASSAGE_STATUS_WORDS, worseStatus, type PassageStatus } from './passageStatus';
