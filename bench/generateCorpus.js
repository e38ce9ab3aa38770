// Writes N reports built from the annotated samples into a folder, varying
// each copy (annotator, ids, which lines of the article it keeps, a numbered
// paragraph) so no two files are equal. Each copy keeps the front matter, the
// headline and seven article lines in ten (the three it leaves out shift from
// copy to copy), which makes about 4 MB for 1,000 reports with the samples'
// density of tagged spans. No span crosses a line, so every copy stays valid;
// each records the fingerprint of its own article text (`text_sha256`),
// computed by the product's parser and fingerprint.
const fs = require('node:fs');
const path = require('node:path');
const { loadCoreSync } = require('./coreBundle');

const FINGERPRINT_LINE = /^text_sha256:.*\n/m;

/** The sample's front matter without its closing line and fingerprint, and its body's lines. */
function splitSample(text) {
  const close = text.indexOf('\n---\n', 3) + 1;
  return { frontMatter: text.slice(0, close).replace(FINGERPRINT_LINE, ''), lines: text.slice(close + 4).split('\n') };
}

function generateCorpus(root, count, samplesDir) {
  const core = loadCoreSync({ 'document/parseReport': ['parseReport'], 'text/fingerprint': ['textFingerprint'] });
  const samples = fs.readdirSync(samplesDir)
    .filter((name) => name.endsWith('.report.md'))
    .sort()
    .map((name) => splitSample(fs.readFileSync(path.join(samplesDir, name), 'utf8')));
  fs.rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = path.join(root, String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) fs.mkdirSync(folder, { recursive: true });
    const sample = samples[i % samples.length];
    const shift = Math.floor(i / samples.length);
    const body = sample.lines.filter((_, line) => line === 0 || (line + shift) % 10 >= 3).join('\n')
      .replace(/#([a-z0-9-]+)/g, `#$1-${i}`)
      .concat(`\n\nCopy ${i} of the sample, generated for the benchmark.`);
    const frontMatter = sample.frontMatter.replace('annotator: findings-team', `annotator: annotator-${i % 7}`);
    // The front matter never changes the clean text: parse the copy without its fingerprint, then record it.
    const fingerprint = core.textFingerprint(core.parseReport(`${frontMatter}---\n${body}`).cleanText);
    const text = `${frontMatter}text_sha256: "${fingerprint}"\n---\n${body}`;
    fs.writeFileSync(path.join(folder, `report-${String(i).padStart(5, '0')}.report.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { count, bytes };
}

module.exports = { generateCorpus };
