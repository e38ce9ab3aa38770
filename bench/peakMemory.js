// Preloaded into a benchmarked process (`node -r bench/peakMemory.js …`):
// when it exits, writes its peak resident set size in kilobytes (the
// kernel's count, getrusage's ru_maxrss) to the file named by
// FINDINGS_BENCH_RSS_FILE. Public Node API only, no external tool.
'use strict';
const fs = require('node:fs');

const file = process.env.FINDINGS_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
