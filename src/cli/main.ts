import { checkGrid } from '../engine/check';
import { parseArgs, USAGE } from './args';
import { runImport } from './import-command';
import { runExport } from './export-command';
import { humanReport, jsonReport } from './output';
import { readCsvFile, readMembers, readWorkflows, UsageError } from './read-input';

function main(argv: string[]): number {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  const args = parsed.args;
  try {
    if (args.command === 'export') return runExport(args);
    const { grid, problems } = readCsvFile(args.file);
    // Problems of the file itself go to stderr, so --json output stays parseable.
    for (const problem of problems) process.stderr.write(`${problem.severity === 'error' ? 'Error' : 'Warning'}: ${problem.message}\n`);
    const unreadable = problems.filter((p) => p.severity === 'error').length;
    if (unreadable && args.command === 'import') {
      process.stderr.write(
        `Nothing was imported: fix the ${unreadable === 1 ? 'line above' : `${unreadable} lines above`} in the file first, as values may have been merged or cut.\n`,
      );
      return 1;
    }
    if (args.command === 'import') return runImport(grid, args);
    const org = {
      ...(args.members ? { members: readMembers(args.members) } : {}),
      ...(args.workflows ? { workflows: readWorkflows(args.workflows) } : {}),
    };
    const check = checkGrid(grid, { template: args.template ?? null, defaultCountry: args.country, org });
    process.stdout.write(`${args.json ? jsonReport(check) : humanReport(check, args.file)}\n`);
    return unreadable > 0 || check.result.stats.errors > 0 || check.mapping.missingRequired.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
