// The quick picks of the tagging commands: the code, then the themes when
// the code has an attribute that holds themes.
import * as vscode from 'vscode';
import type { CodebookSummary } from '../../protocol';

type Code = CodebookSummary['codes'][number];
type Attribute = Code['attributes'][number];

/** The code picked; undefined when the picker was dismissed. */
export async function pickCode(codebook: CodebookSummary): Promise<string | undefined> {
  const items = codebook.codes.map((code): vscode.QuickPickItem & { code: string } => ({
    label: code.name,
    description: code.label,
    detail: code.description,
    code: code.name,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Tag Selection',
    placeHolder: `Code to tag the selection with (codebook ${codebook.name} ${codebook.version})`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.code;
}

/** The themes picked (possibly none); undefined when the picker was dismissed. */
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
