// Every near-miss of span markup listed in docs/format.md, as one table for
// the language-server test and the in-VS-Code test: the body of a report,
// the rule, the text its diagnostic covers, the quick fix that makes the span
// meant and the body after it.

export interface NearMissCase {
  readonly rule: string;
  readonly body: string;
  /** The text the diagnostic covers. */
  readonly covers: string;
  readonly fix: RegExp;
  readonly fixed: string;
  /** Whether a "Keep as article text" fix is offered. */
  readonly keep: boolean;
}

export const NEAR_MISS_CASES: readonly NearMissCase[] = [
  { rule: 'markup-space-before-block', body: 'Leaders said [x] {.weakness theme=leadership} today.\n', covers: '] {.weakness theme=leadership}', fix: /Remove the space/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', keep: true },
  { rule: 'markup-block-brackets', body: 'Leaders said [x](.weakness theme=leadership) today.\n', covers: '](.weakness theme=leadership)', fix: /in `\{…\}`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', keep: true },
  { rule: 'markup-block-brackets', body: 'Leaders said [x]｛.weakness theme=leadership｝ today.\n', covers: ']｛.weakness theme=leadership｝', fix: /in `\{…\}`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', keep: true },
  { rule: 'markup-block-brackets', body: 'Leaders said [x].weakness theme=leadership} today.\n', covers: '].weakness theme=leadership}', fix: /in `\{…\}`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', keep: true },
  { rule: 'markup-second-block', body: '[x]{.weakness theme=leadership}{.strength theme=health} today.\n', covers: '{.strength theme=health}', fix: /Merge/, fixed: '[x]{.weakness theme="leadership health" .strength} today.\n', keep: true },
  { rule: 'markup-stray-block', body: 'The report said {.strength theme=health} today.\n', covers: '{.strength theme=health}', fix: /Tag “The report said”/, fixed: '[The report said]{.strength theme=health} today.\n', keep: true },
  { rule: 'markup-stray-bracket', body: 'Leaders said [x]{.weakness theme=health}] today.\n', covers: ']', fix: /Remove the stray `\]`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: true },
  { rule: 'markup-stray-bracket', body: 'Leaders said [[x]{.weakness theme=health} today.\n', covers: '[', fix: /Remove the extra `\[`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: true },
  { rule: 'markup-stray-bracket', body: '[x]{.wsoa #hart}lepool-wsoa} today.\n', covers: '}lepool-wsoa}', fix: /ends the block early/, fixed: '[x]{.wsoa #hartlepool-wsoa} today.\n', keep: true },
  { rule: 'markup-bracket-slip', body: 'Leaders said [x}{.weakness theme=health} today.\n', covers: '}{.weakness theme=health}', fix: /Write `\]` for `\}`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: true },
  { rule: 'markup-bracket-slip', body: 'Leaders said (x){.weakness theme=health} today.\n', covers: '){.weakness theme=health}', fix: /Write `\[` and `\]`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: true },
  { rule: 'markup-typographic-quotes', body: '[x]{.quote speaker=“one parent” role=parent}\n', covers: '“one parent”', fix: /straight quotes/, fixed: '[x]{.quote speaker="one parent" role=parent}\n', keep: false },
  { rule: 'markup-trailing-punctuation', body: '[x]{.weakness theme=outcomes,}\n', covers: ',', fix: /Remove the `,`/, fixed: '[x]{.weakness theme=outcomes}\n', keep: false },
  { rule: 'markup-joined-tokens', body: '[x]{.response speaker=council organisation=Council,stance=welcomes}\n', covers: 'Council,stance=welcomes', fix: /blank for `,`/, fixed: '[x]{.response speaker=council organisation=Council stance=welcomes}\n', keep: false },
  { rule: 'span-syntax', body: '[x]{weakness theme=health}\n', covers: 'weakness', fix: /Write `\.weakness`/, fixed: '[x]{.weakness theme=health}\n', keep: false },
  { rule: 'span-stray-close', body: 'Leaders said (x]{.weakness theme=health} today.\n', covers: ']{.weakness theme=health}', fix: /Write `\[` for `\(`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: false },
  { rule: 'code-missing', body: 'Leaders said [x]{theme=leadership} today.\n', covers: '{theme=leadership}', fix: /Add the code `\.weakness`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', keep: false },
  { rule: 'span-unclosed', body: '[x]{.weakness theme=leadership, the report said.\n', covers: '[x]{.weakness theme=leadership, the report said.', fix: /after `theme=leadership`/, fixed: '[x]{.weakness theme=leadership}, the report said.\n', keep: false },
];
