import { parseArgs } from 'node:util';
import { COPIES_POLICIES, EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../core';
import { agreementForExport } from './agreementForExport';
import { countedFiles } from './articleCopies';
import { loadCodebook } from './codebookFile';
import { AGREE_BY, AGREE_FORMATS, runAgree } from './commands/agree';
import { runCheck } from './commands/check';
import { runExport } from './commands/export';
import { runStats } from './commands/stats';
import { findReportFiles, isSystemError, systemErrorLine, UsageError } from './files';
import { diagnosticLines } from './formatters/text';
import { CHECK_FORMATS, plural, type CheckFormat } from './formatters/types';
import { LineIndex } from '../core';
import { ExitCode, type Output } from './output';

declare const FINDINGS_VERSION: string;
const VERSION = typeof FINDINGS_VERSION === 'string' ? FINDINGS_VERSION : '0.0.0-dev';

const USAGE = `Usage: findings <command> [paths...] [options]

Commands:
  check [paths...]   Validate reports (*.report.md) in files and folders (default: .)
  export [paths...]  Write the findings of valid reports as a dataset
  stats [paths...]   Count spans by code and theme
  agree [paths...]   Agreement between annotators' copies of the same articles

Options:
  --format <f>       check: text (default), json, sarif, github
                     export: jsonl, csv, json (default: from --out's extension, else jsonl)
                     stats: text (default), json
                     agree: text (default), json, csv
  --by <b>           agree: compare each code (default) or each theme
  --disagreements <file>
                     agree: also write the disputed passages (.jsonl or .csv, replaced atomically)
  --out <file>       export: the regular file to write (replaced atomically); standard output if omitted
  --allow-errors     export: export even when reports have errors
  --with-agreement   export: give each finding its article's agreement figures (articles coded by
                     several annotators; null for the others), computed as agree computes them
  --copies <c>       export, stats: of an article coded by several annotators (copies with the same
                     clean text), count one: its adjudicated copy, else its first reviewed one (default);
                     or all of them
  --codebook <file>  codebook to use (default: ./codebook.yaml if present, else the built-in SEND codebook)
  --quiet            check: report errors only
  -h, --help         show this help
  -v, --version      show the version

Exit codes: 0 no errors, 1 errors found (or export refused; agree: copies of one source whose texts differ),
2 could not run (agree: also when no article has two annotators' copies).
`;

const COMMANDS = ['check', 'export', 'stats', 'agree'] as const;
type Command = (typeof COMMANDS)[number];

/** Where the CLI's parts are: the export worker is a bundle of its own, beside the CLI's. */
export interface CliFiles {
  readonly exportWorker: string;
}

export async function main(argv: readonly string[], cwd: string, output: Output, files: CliFiles): Promise<ExitCode> {
  try {
    return await run(argv, cwd, output, files);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      output.err(`findings: ${(error as Error).message}\n`);
    } else if (isSystemError(error)) {
      // A folder that cannot be listed, a link that loops: the user's to fix, in one line.
      output.err(`findings: ${systemErrorLine(error, cwd)}\n`);
    } else {
      output.err(`findings: internal error: ${(error as Error).stack ?? String(error)}\n`);
    }
    return ExitCode.Failure;
  }
}

async function run(argv: readonly string[], cwd: string, output: Output, cliFiles: CliFiles): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'allow-errors': { type: 'boolean', default: false },
      codebook: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      by: { type: 'string' },
      disagreements: { type: 'string' },
      copies: { type: 'string' },
      'with-agreement': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.version) {
    output.out(`${VERSION}\n`);
    return ExitCode.Ok;
  }
  const [command, ...paths] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (command === undefined && !values.help ? output.err : output.out)(USAGE);
    return command === undefined && !values.help ? ExitCode.Failure : ExitCode.Ok;
  }
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`unknown command '${command}' (use ${COMMANDS.slice(0, -1).join(', ')} or ${COMMANDS[COMMANDS.length - 1]}; see --help)`);

  const codebook = await loadCodebook(values.codebook, cwd);
  if (codebook.diagnostics.length > 0) {
    // The codebook's own problems, and no summary of reports: none was checked against a codebook that does not load.
    output.err(`findings: ${codebook.path}: invalid codebook (${plural(codebook.diagnostics.length, 'problem')})\n`);
    const lines = diagnosticLines([{ path: codebook.path!, text: codebook.text!, lines: new LineIndex(codebook.text!), diagnostics: codebook.diagnostics }]);
    output.err(`${lines.join('\n')}\nNo reports checked: fix the codebook first.\n`);
    return ExitCode.Failure;
  }
  const files = await findReportFiles(paths, cwd);
  if (files.length === 0) output.err(`findings: no reports (*.report.md) found in ${paths.length > 0 ? paths.join(', ') : '.'}\n`);

  let result: { code: ExitCode; unreadable: readonly string[] };
  switch (command as Command) {
    case 'check':
      result = await runCheck(files, codebook.codebook, { format: choose(values.format, CHECK_FORMATS, 'text'), quiet: values.quiet, version: VERSION }, output);
      break;
    case 'export':
      result = await runExport(countedFiles(files, choose(values.copies, COPIES_POLICIES, 'one', 'copies policy'), output), codebook, {
        format: choose(values.format, EXPORT_FORMATS, formatFromExtension(values.out)),
        out: values.out,
        allowErrors: values['allow-errors'],
        cwd,
        worker: cliFiles.exportWorker,
        agreement: values['with-agreement'] ? await agreementForExport(files, codebook.codebook) : undefined,
      }, output);
      break;
    case 'stats':
      result = await runStats(countedFiles(files, choose(values.copies, COPIES_POLICIES, 'one', 'copies policy'), output), codebook.codebook, { format: choose(values.format, ['text', 'json'] as const, 'text') }, output);
      break;
    case 'agree':
      result = await runAgree(files, codebook.codebook, {
        format: choose(values.format, AGREE_FORMATS, 'text'),
        by: choose(values.by, AGREE_BY, 'code', 'way to compare'),
        disagreements: values.disagreements,
        cwd,
      }, output);
      break;
  }
  for (const problem of result.unreadable) output.err(`findings: ${problem}\n`);
  return result.unreadable.length > 0 ? ExitCode.Failure : result.code;
}

function choose<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what = 'format'): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${what} '${value}' (use ${allowed.join(', ')})`);
}

function formatFromExtension(out: string | undefined): ExportFormat {
  const extension = out?.split('.').pop()?.toLowerCase();
  return isExportFormat(extension) ? extension : 'jsonl';
}

export type { CheckFormat };
