// The tsconfig resolves modules the classic Node way, which ignores package
// `exports`; this maps the language client's `/node` entry point to its
// typings. esbuild resolves the real file through `exports`.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
