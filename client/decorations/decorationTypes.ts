// The editor decoration types of the code tints: one per style (a code
// colour at the tint's opacity, an edge in a colour, the dimmed markup),
// created the first time a plan needs it and disposed together when the
// settings change (which also removes their decorations from every editor).
import * as vscode from 'vscode';
import type { DecorationSettings } from './decorationSettings';
import type { DecorationStyle, Edge } from './decorationPlan';
import { translucent } from './tintColor';

/** The opacity of dimmed markup: readable when looked at, quiet beside the article. */
export const DIMMED_OPACITY = '0.35';
/** The overview ruler's middle lane: the right one is the problems', the left one the source control's. */
const RULER_LANE = vscode.OverviewRulerLane.Center;
const EDGE_WIDTH: Record<Edge, string> = { bottom: '0 0 2px 0', top: '2px 0 0 0', outline: '1px' };

export class DecorationTypes implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();

  constructor(private settings: DecorationSettings) {}

  /** The type of a style (its key from styleKey), created on first use. */
  get(key: string, style: DecorationStyle): vscode.TextEditorDecorationType {
    let type = this.types.get(key);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType(renderOptions(style, this.settings));
      this.types.set(key, type);
    }
    return type;
  }

  /** Every type created so far, by key (to clear those a new plan leaves out). */
  entries(): IterableIterator<[string, vscode.TextEditorDecorationType]> {
    return this.types.entries();
  }

  /** New settings: every type goes (with its decorations); the next plan creates what it needs. */
  reset(settings: DecorationSettings): void {
    this.settings = settings;
    this.dispose();
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }
}

function renderOptions(style: DecorationStyle, settings: DecorationSettings): vscode.DecorationRenderOptions {
  switch (style.kind) {
    case 'tint':
      return {
        backgroundColor: translucent(style.color, settings.codeTint),
        overviewRulerColor: style.color,
        overviewRulerLane: RULER_LANE,
        // Text typed at either end of a passage joins it, as the span does, until the server answers.
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      };
    case 'ruler':
      return { overviewRulerColor: style.color, overviewRulerLane: RULER_LANE, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
    case 'edge':
      return style.edge === 'outline'
        ? { outlineColor: style.color, outlineStyle: 'dotted', outlineWidth: EDGE_WIDTH.outline, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }
        : { borderColor: style.color, borderStyle: 'solid', borderWidth: EDGE_WIDTH[style.edge], rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
    case 'dim':
      // Only how the characters are drawn changes: never their size, spacing or the text.
      // Text typed next to the markup is article or tagged text: it never dims.
      return { opacity: DIMMED_OPACITY, rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen };
  }
}
