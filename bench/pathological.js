// Generators of large and pathological reports and codebooks, each growing
// along one dimension, for the scaling benchmark (bench/scaling.js).
const FRONT_MATTER = '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: bench\nstatus: draft\n---\n';
const SPAN = '{.strength theme=health}';

const generators = {
  /** `[[[…x]{…}]{…}…`: spans nested `n` deep. */
  'nesting depth': (n) => FRONT_MATTER + '['.repeat(n) + 'x' + `]${SPAN}`.repeat(n) + '\n',
  /** `n` spans on one line. */
  'spans per line': (n) => FRONT_MATTER + Array.from({ length: n }, (_, i) => `[finding ${i}]${SPAN}`).join(' ') + '\n',
  /** `n` spans, one paragraph each. */
  'spans per report': (n) => FRONT_MATTER + Array.from({ length: n }, (_, i) => `Inspectors found that [finding ${i}]${SPAN} in the area.\n`).join('\n'),
  /** `n` front-matter fields the codebook does not define. */
  'front-matter fields': (n) => '---\n' + Array.from({ length: n }, (_, i) => `field${i}: value ${i}\n`).join('') + '---\nBody.\n',
  /** One span with the same class `n` times. */
  'duplicate classes': (n) => FRONT_MATTER + `[text]{${'.strength '.repeat(n)}theme=health}\n`,
  /** `n` spans with the same id. */
  'duplicate ids': (n) => FRONT_MATTER + Array.from({ length: n }, () => `[text]{.strength #same theme=health}`).join('\n') + '\n',
  /** A report of about `n` KB of article text: paragraphs of eight sentences, a span in each sentence. */
  'report size (KB)': (n) => {
    const sentence = `The local area [has not made sufficient progress]${SPAN} in addressing the significant weaknesses. `;
    const paragraph = sentence.repeat(8) + '\n\n';
    return FRONT_MATTER + paragraph.repeat(Math.ceil((n * 1024) / paragraph.length));
  },
};

/** A codebook with `n` codes (each taking a theme-valued attribute) and `n` themes. */
function codebookText(n) {
  const lines = ['extends: none', 'name: bench', 'version: "1"', 'codes:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  code-${i}:`, `    label: Code ${i}`, `    description: A code made up for the benchmark, number ${i}.`, '    color: "#00796b"', '    attributes:', '      theme: { required: true, values: themes, multiple: true }');
  }
  lines.push('themes:');
  for (let i = 0; i < n; i++) lines.push(`  theme-${i}:`, `    label: Theme ${i}`, `    definition: A theme made up for the benchmark, number ${i}.`);
  return lines.join('\n') + '\n';
}

module.exports = { generators, codebookText, FRONT_MATTER };
