import { strict as assert } from 'node:assert';
import { BUILTIN_CODEBOOK, renameEdits } from '../../../core';
import { buildCodebook } from '../../../core/codebook/loadCodebook';
import { parseReport } from '../../../core/document/parseReport';
import { applyClientEdits } from '../../helpers/cleanTextEdits';

/** Renames a built-in code or theme with a workspace codebook `text`: the codebook after the rename, built again. */
function renameBuiltIn(text: string, kind: 'code' | 'theme', name: string, newName: string) {
  const built = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: '/w/codebook.yaml', text });
  assert.deepEqual(built.diagnostics, []);
  const document = parseReport('---\n---\n[a]{.weakness theme=health}');
  const result = renameEdits({ reports: [{ path: 'r', document }], codebook: built.codebook, target: { kind, name }, newName });
  assert.ok(result.ok, result.ok ? '' : result.message);
  const renamed = applyClientEdits(text, result.codebookEdits);
  return { renamed, rebuilt: buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: '/w/codebook.yaml', text: renamed }) };
}

describe('core/language rename: copying a built-in entry into the workspace codebook', () => {
  it('writes the copy before a document end marker, not after it as a second document', () => {
    for (const text of ['name: mine\n...\n', 'name: mine\r\n...\r\n', 'name: mine\n...']) {
      for (const [kind, name] of [['code', 'weakness'], ['theme', 'health']] as const) {
        const { renamed, rebuilt } = renameBuiltIn(text, kind, name, 'renamed');
        assert.deepEqual(rebuilt.diagnostics.map((d) => d.message), [], renamed);
        assert.ok((kind === 'code' ? rebuilt.codebook.codes : rebuilt.codebook.themes).has('renamed'), renamed);
        assert.ok(renamed.startsWith(`name: mine${text.includes('\r\n') ? '\r\n' : '\n'}${kind === 'code' ? 'codes' : 'themes'}:`), renamed);
        assert.match(renamed, /\.\.\.(?:\r?\n)?$/);
      }
    }
  });

  it('still appends at the end of a codebook without an end marker', () => {
    const { renamed, rebuilt } = renameBuiltIn('name: mine\n# last words\n', 'theme', 'health', 'nhs');
    assert.deepEqual(rebuilt.diagnostics, []);
    assert.ok(renamed.startsWith('name: mine\n# last words\nthemes:\n  nhs:\n'), renamed);
  });
});
