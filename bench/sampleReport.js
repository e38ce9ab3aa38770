// A report of a given size made from the annotated samples, for the
// benchmarks that time one report (the language server's latency, the coded
// reader): one front matter, then the samples' bodies again and again (ids
// made unique per copy), whole paragraphs, until the text reaches the size.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SAMPLES = path.join(__dirname, '..', 'samples');

/** Front matter and body of each sample report. */
function samples() {
  return fs.readdirSync(SAMPLES)
    .filter((name) => name.endsWith('.report.md'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
      const end = text.indexOf('\n---\n', 4) + 5;
      return { frontMatter: text.slice(0, end), body: text.slice(end) };
    });
}

/** The report: at least `bytes` bytes of UTF-8, cut after a paragraph, so that no span is cut in two. */
function buildReport(bytes) {
  const parts = samples();
  let text = parts[0].frontMatter;
  for (let copy = 0; Buffer.byteLength(text) < bytes; copy++) {
    const body = parts[copy % parts.length].body.replace(/#([a-z0-9-]+)/g, `#$1-${copy}`);
    for (const paragraph of body.split('\n\n')) {
      if (Buffer.byteLength(text) >= bytes && text.endsWith('\n\n')) break;
      text += paragraph.endsWith('\n') ? `${paragraph}\n` : `${paragraph}\n\n`;
    }
  }
  return text;
}

module.exports = { buildReport };
