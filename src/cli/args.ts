import * as z from '../engine/zod';
import { templateIdSchema } from '../engine/templates';
import { SOURCE_SYSTEMS } from '../engine/source-system';

export const USAGE = `Usage:
  upflow-sheets check <file.csv> [--template customers|contacts|assign|all]
                      [--members users.json] [--workflows dunning_plans.json] [--country FR] [--json]
  upflow-sheets import <file.csv> --api <url> [--template ...] [--source-system API|NATIVE_ACCOUNTING|SALESFORCE_NATIVE|SALESFORCE_API]
                       [--country FR] [--dry-run] [--json]
  upflow-sheets export <out.csv> --api <url> [--manager email]
      writes every customer of the organisation (or those the member manages) in the layout of
      the "All of the above" template, one line per contact, ready to edit and import back
      (the API key and secret come from UPFLOW_API_KEY and UPFLOW_API_SECRET)

Exit codes: 0 no error, 1 errors found (or rows failed), 2 bad usage or unreadable file.`;

const commonSchema = z.object({
  file: z.string().check(z.minLength(1)),
  template: z.optional(templateIdSchema),
  country: z._default(
    z.pipe(
      z.string().check(z.length(2)),
      z.transform((c) => c.toUpperCase()),
    ),
    'FR',
  ),
  json: z._default(z.boolean(), false),
});

export const checkArgsSchema = z.extend(commonSchema, {
  command: z.literal('check'),
  members: z.optional(z.string()),
  workflows: z.optional(z.string()),
});

export const importArgsSchema = z.extend(commonSchema, {
  command: z.literal('import'),
  api: z.url(),
  sourceSystem: z._default(z.enum(SOURCE_SYSTEMS), 'API'),
  dryRun: z._default(z.boolean(), false),
});

export const exportArgsSchema = z.object({
  command: z.literal('export'),
  file: z.string().check(z.minLength(1)),
  api: z.url(),
  manager: z.optional(z.email()),
  json: z._default(z.boolean(), false),
});

export const argsSchema = z.discriminatedUnion('command', [checkArgsSchema, importArgsSchema, exportArgsSchema]);
export type CliArgs = z.infer<typeof argsSchema>;

const FLAGS: Record<string, { key: string; boolean?: true }> = {
  '--template': { key: 'template' },
  '--members': { key: 'members' },
  '--workflows': { key: 'workflows' },
  '--country': { key: 'country' },
  '--json': { key: 'json', boolean: true },
  '--api': { key: 'api' },
  '--source-system': { key: 'sourceSystem' },
  '--dry-run': { key: 'dryRun', boolean: true },
  '--manager': { key: 'manager' },
};

/** The arguments, or a message saying what is wrong with them. */
export function parseArgs(argv: readonly string[]): { ok: true; args: CliArgs } | { ok: false; message: string } {
  const [given, ...rest] = argv;
  // "validate" was the command's first name: scripts written with it keep working.
  const command = given === 'validate' ? 'check' : given;
  const raw: Record<string, unknown> = { command };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    const [name, inline] = token.split(/=(.*)/s, 2) as [string, string | undefined];
    const flag = FLAGS[name];
    if (!token.startsWith('--')) positional.push(token);
    else if (!flag) return { ok: false, message: `Unknown option ${name}.` };
    else if (flag.boolean) raw[flag.key] = true;
    else {
      const value = inline ?? rest[++i];
      if (value === undefined) return { ok: false, message: `${name} needs a value.` };
      raw[flag.key] = value;
    }
  }
  if (positional.length !== 1) return { ok: false, message: positional.length ? 'Give one file only.' : 'Give the CSV file to read.' };
  raw.file = positional[0];
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      message:
        command !== 'check' && command !== 'import' && command !== 'export'
          ? `Unknown command "${command ?? ''}".`
          : `Bad value for ${issue.path.join('.') || 'arguments'}: ${issue.message}`,
    };
  }
  return { ok: true, args: parsed.data };
}
