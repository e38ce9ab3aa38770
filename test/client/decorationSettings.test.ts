/**
 * The `findings.editor.*` settings: read leniently, contributed in
 * package.json with the same names, defaults and values; where the Markup
 * toggle writes; a code colour as a tint that nothing else reaches CSS through.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import {
  CODE_TINT_KEY, DEFAULT_CODE_TINT, DEFAULT_MARKUP, MARKUP_KEY, MARKUP_MODES, markupSettingTarget, otherMarkupMode, parseCodeTint, parseMarkupMode, readDecorationSettings,
} from '../../client/decorations/decorationSettings';
import { FALLBACK_COLOR, normalizedColor, translucent } from '../../client/decorations/tintColor';
import { SETTINGS_SECTION } from '../../protocol';
import { repoPath } from '../helpers/repo';

interface Property {
  readonly type: string;
  readonly default: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
}

describe('client/decorations the editor settings', () => {
  it('reads the tint as a number from 0 to 1 and the markup as show or dim, defaults for anything else', () => {
    assert.equal(parseCodeTint(0.4), 0.4);
    assert.equal(parseCodeTint(0), 0);
    assert.equal(parseCodeTint(3), 1);
    assert.equal(parseCodeTint(-1), 0);
    for (const wrong of [undefined, null, '0.5', Number.NaN, Infinity]) assert.equal(parseCodeTint(wrong), DEFAULT_CODE_TINT, String(wrong));
    assert.equal(parseMarkupMode('dim'), 'dim');
    assert.equal(parseMarkupMode('show'), 'show');
    for (const wrong of [undefined, 'Dim', 1, {}]) assert.equal(parseMarkupMode(wrong), DEFAULT_MARKUP, String(wrong));
    const values: Record<string, unknown> = { [CODE_TINT_KEY]: 0.3, [MARKUP_KEY]: 'dim' };
    assert.deepEqual(readDecorationSettings((key) => values[key]), { codeTint: 0.3, markup: 'dim' });
  });

  it('spells the settings, defaults and values as package.json contributes them', () => {
    const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Property> } } };
    const properties = manifest.contributes.configuration.properties;
    const tint = properties[`${SETTINGS_SECTION}.${CODE_TINT_KEY}`];
    assert.ok(tint, CODE_TINT_KEY);
    assert.deepEqual([tint.type, tint.default, tint.minimum, tint.maximum], ['number', DEFAULT_CODE_TINT, 0, 1]);
    const markup = properties[`${SETTINGS_SECTION}.${MARKUP_KEY}`];
    assert.ok(markup, MARKUP_KEY);
    assert.deepEqual([markup.type, markup.default, markup.enum], ['string', DEFAULT_MARKUP, [...MARKUP_MODES]]);
  });

  it('toggles into the workspace settings when they set the markup, else into the user settings', () => {
    assert.equal(markupSettingTarget({ workspaceValue: 'dim', globalValue: 'show' }), 'workspace');
    assert.equal(markupSettingTarget({ globalValue: 'dim' }), 'global');
    assert.equal(markupSettingTarget({}), 'global');
    assert.equal(markupSettingTarget(undefined), 'global');
    assert.equal(otherMarkupMode('show'), 'dim');
    assert.equal(otherMarkupMode('dim'), 'show');
  });

  it('turns a code colour into a translucent tint; any colour that is not #rrggbb becomes grey', () => {
    assert.equal(translucent('#C62828', 0.18), 'rgba(198, 40, 40, 0.18)');
    assert.equal(translucent('#2e7d32', 1), 'rgba(46, 125, 50, 1)');
    assert.equal(translucent('#2e7d32', 2), 'rgba(46, 125, 50, 1)');
    assert.equal(normalizedColor('#ABCDEF'), '#abcdef');
    for (const wrong of ['red', '#abc', '#abcdefg', 'red; background: url(https://example.org/x)', '']) assert.equal(normalizedColor(wrong), FALLBACK_COLOR, wrong);
    assert.equal(translucent('not a colour', 0.5), 'rgba(117, 117, 117, 0.5)');
  });
});
