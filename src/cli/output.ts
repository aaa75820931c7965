import { field } from '../engine/fields';
import type { GridCheck } from '../engine/check';

/** The JSON form promised by the issue: the mapping by column, then every problem. */
export function jsonReport(check: GridCheck): string {
  return JSON.stringify(
    {
      mapping: check.mapping.columns.map((c) => ({ column: c.column, header: c.header, field: c.field })),
      issues: check.result.problems,
    },
    null,
    2,
  );
}

/** Problems by cell, for a person reading a terminal. */
export function humanReport(check: GridCheck, file: string): string {
  const { mapping, result } = check;
  const lines: string[] = [];
  lines.push(`${file}: template "${mapping.template}"${mapping.templateInferred ? ' (detected)' : ''}, header on row ${check.headerRow}`);
  for (const c of mapping.columns) {
    const target = c.field
      ? `${field(c.field).label}${c.how === 'fuzzy' ? ` (guessed, ${Math.round(c.confidence * 100)}%)` : ''}`
      : c.suggestion
        ? `not imported (did you mean ${field(c.suggestion).label}?)`
        : 'not imported';
    lines.push(`  ${c.column.padEnd(3)} ${c.header || '(no header)'} -> ${target}`);
  }
  for (const f of mapping.missingRequired) lines.push(`  Missing required column: ${field(f).label}`);
  for (const conflict of mapping.conflicts) lines.push(`  Columns ${conflict.columns.join(', ')} all claim ${field(conflict.field).label}; ${conflict.columns[0]} is used.`);
  lines.push('');
  for (const p of result.problems) {
    lines.push(`${p.cell.padEnd(6)} ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.message}`);
    lines.push(`${' '.repeat(15)}Fix: ${p.fix}${p.suggestion !== undefined ? ` (suggested: "${p.suggestion}")` : ''}`);
  }
  const s = result.stats;
  const checked = s.rows - s.blankRows;
  lines.push(
    `${checked} lines checked: ${s.errors} errors, ${s.warnings} warnings; ${checked - s.blockedRows} lines ready to import${s.blankRows ? `, ${s.blankRows} blank lines skipped` : ''}.`,
  );
  return lines.join('\n');
}
