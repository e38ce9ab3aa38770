/** package.json spells the language id, command ids and settings section as protocol/names.ts does. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { Commands, LANGUAGE_ID, REPORT_SUFFIX, SETTINGS_SECTION, SUMMARY_VIEW_TYPE } from '../../protocol';
import { repoPath } from '../helpers/repo';

interface Manifest {
  activationEvents: string[];
  contributes: {
    languages: Array<{ id: string; filenamePatterns: string[] }>;
    commands: Array<{ command: string }>;
    keybindings: Array<{ command: string; when: string }>;
    menus: Record<string, Array<{ command?: string; when?: string }>>;
    configuration: { properties: Record<string, unknown> };
  };
}

describe('protocol names and package.json', () => {
  const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as Manifest;

  it('contributes exactly the commands of protocol/names.ts', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), Object.values(Commands).sort());
    const known = new Set<string>(Object.values(Commands));
    for (const binding of manifest.contributes.keybindings) assert.ok(known.has(binding.command), binding.command);
    for (const items of Object.values(manifest.contributes.menus)) for (const item of items) if (item.command) assert.ok(known.has(item.command), item.command);
  });

  it('spells the language id, the report files, the settings section and the summary view the same', () => {
    assert.equal(manifest.contributes.languages[0].id, LANGUAGE_ID);
    assert.deepEqual(manifest.contributes.languages[0].filenamePatterns, [`*${REPORT_SUFFIX}`]);
    assert.ok(manifest.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${SUMMARY_VIEW_TYPE}`));
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(key.startsWith(`${SETTINGS_SECTION}.`), key);
    for (const binding of manifest.contributes.keybindings) assert.match(binding.when, new RegExp(`editorLangId == ${LANGUAGE_ID}`));
  });
});
