// Text assets bundled by esbuild's text loader.
declare module '*.yaml' {
  const text: string;
  export default text;
}

// The built-in codebook, compiled by esbuild.js from core/codebook/send.codebook.yaml.
declare module 'virtual:builtin-codebook-snapshot' {
  const snapshot: import('../core/codebook/codebookSnapshot').CodebookSnapshot;
  export default snapshot;
}
