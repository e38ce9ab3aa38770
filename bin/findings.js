#!/usr/bin/env node
'use strict';
// The bundled CLI; `npm run build` (or the README's set-up command) creates it.
try {
  require('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli\.js/.test(String(error.message))) {
    process.stderr.write('findings: the CLI is not built yet: run `npm run build` first\n');
    process.exit(2);
  }
  throw error;
}
