// Writes N reports built from the annotated samples into a folder, varying
// each copy (annotator, ids, a numbered paragraph) so no two files are equal.
const fs = require('node:fs');
const path = require('node:path');

function generateCorpus(root, count, samplesDir) {
  const samples = fs.readdirSync(samplesDir)
    .filter((name) => name.endsWith('.report.md'))
    .sort()
    .map((name) => fs.readFileSync(path.join(samplesDir, name), 'utf8'));
  fs.rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = path.join(root, String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) fs.mkdirSync(folder, { recursive: true });
    const text = samples[i % samples.length]
      .replace('annotator: findings-team', `annotator: annotator-${i % 7}`)
      .replace(/#([a-z0-9-]+)/g, `#$1-${i}`)
      .concat(`\n\nCopy ${i} of the sample, generated for the benchmark.`);
    fs.writeFileSync(path.join(folder, `report-${String(i).padStart(5, '0')}.report.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { count, bytes };
}

module.exports = { generateCorpus };
