// Kept for imports written before the protocol was split by concern:
// import from `protocol` (index.ts) instead.
export type { FindingsScope } from './scope';
export * from './export';
