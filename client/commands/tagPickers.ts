// The quick picks of the tagging commands: the codes, then the themes when
// one of them has an attribute that holds themes.
import * as vscode from 'vscode';
import type { CodebookSummary } from '../../protocol';

type Code = CodebookSummary['codes'][number];
type Attribute = Code['attributes'][number];

/**
 * The codes picked, one or several for one span (`{.weakness .quote}`), in
 * the codebook's order; undefined when the picker was dismissed. Enter with
 * nothing ticked takes the highlighted code, as a single-choice pick would.
 */
export function pickCodes(codebook: CodebookSummary): Promise<readonly string[] | undefined> {
  type Item = vscode.QuickPickItem & { code: string };
  const picker = vscode.window.createQuickPick<Item>();
  picker.title = 'Tag Selection';
  picker.placeholder = `Codes to tag the selection with: Enter for the highlighted one, or tick several (codebook ${codebook.name} ${codebook.version})`;
  picker.canSelectMany = true;
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  picker.items = codebook.codes.map((code): Item => ({ label: code.name, description: code.label, detail: code.description, code: code.name }));
  return new Promise((resolve) => {
    let answer: readonly string[] | undefined;
    // A many-pick list highlights no row of its own: the code that best matches what is typed is the one Enter takes.
    const highlightBest = () => {
      const best = bestMatch(picker.items, picker.value);
      picker.activeItems = best ? [best] : [];
    };
    picker.onDidChangeValue(highlightBest);
    picker.onDidAccept(() => {
      const chosen = picker.selectedItems.length > 0 ? picker.selectedItems : picker.activeItems.length > 0 ? picker.activeItems.slice(0, 1) : [bestMatch(picker.items, picker.value)].filter((item) => item !== undefined);
      if (chosen.length === 0) return;
      const ticked = new Set(chosen.map((item) => item.code));
      answer = codebook.codes.filter((code) => ticked.has(code.name)).map((code) => code.name);
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(answer);
    });
    picker.show();
  });
}

/** The item whose label is what is typed, else starts with it, else holds it (labels, then descriptions); with nothing typed, the first. */
function bestMatch<T extends vscode.QuickPickItem>(items: readonly T[], typed: string): T | undefined {
  const value = typed.trim().toLocaleLowerCase();
  if (value === '') return items[0];
  const label = (item: T) => item.label.toLocaleLowerCase();
  return items.find((item) => label(item) === value)
    ?? items.find((item) => label(item).startsWith(value))
    ?? items.find((item) => label(item).includes(value))
    ?? items.find((item) => (item.description ?? '').toLocaleLowerCase().includes(value));
}

/** The themes picked (possibly none) for the attribute of `code` that holds them; undefined when the picker was dismissed. */
export async function pickThemes(codebook: CodebookSummary, code: Code, attribute: Attribute): Promise<readonly string[] | undefined> {
  // An attribute that holds themes takes the codebook's themes (its `values` is null then).
  const themes = new Map(codebook.themes.map((theme) => [theme.name, theme]));
  const allowed = attribute.values ?? [...themes.keys()];
  const items = allowed.map((name): vscode.QuickPickItem & { theme: string } => {
    const theme = themes.get(name);
    return { label: name, description: theme?.label, detail: theme?.definition, theme: name };
  });
  const need = attribute.required ? 'required' : 'optional';
  if (attribute.multiple) {
    const picked = await vscode.window.showQuickPick(items, {
      title: `Themes of the ${code.name} span (${need})`,
      placeHolder: 'Tick one or more themes, then press Enter',
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.map((item) => item.theme);
  }
  const none: vscode.QuickPickItem & { theme: string } = { label: '(no theme)', theme: '' };
  const picked = await vscode.window.showQuickPick(attribute.required ? items : [...items, none], {
    title: `Theme of the ${code.name} span (${need})`,
    placeHolder: 'Pick a theme',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  return picked.theme === '' ? [] : [picked.theme];
}
