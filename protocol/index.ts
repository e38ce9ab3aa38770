// The contract between the language server and every front end: each custom
// request and notification with its parameter and result types, the settings
// both sides read, and the names both sides spell.
export * from './names';
export * from './settings';
export * from './scope';
export * from './codebook';
export * from './documentCounts';
export * from './cleanText';
export * from './indexChanged';
export * from './summary';
export * from './tagging';
export * from './export';
export * from './reader';
export * from './memos';
export * from './agreement';
export * from './adjudication';
export * from './compare';
