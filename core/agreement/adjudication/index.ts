// Adjudication: a reference report per article, made from the annotators'
// copies, with the spans they agree on marked up and their disagreements as
// candidates to settle (core/validate/adjudicationRules.ts).
export { adjudicate, type Adjudication, type ArticleReport } from './referenceReport';
export { ADJUDICATED_ANNOTATOR, isReferenceAnnotator } from './referenceReports';
export { readCandidates, type Candidate, type CandidateList, type CandidateVersion } from './candidates';
