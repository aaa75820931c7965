import type { DunningPlan, Member } from '../upflow/schemas';
import { assignability } from '../customers/assignable';
import { nameKey } from '../customers/name';
import type { Reporter } from './report';

/**
 * Member ids of a comma-separated list of manager emails. An unknown email is a warning, not an
 * error: the rest of the line is still worth sending, as in Upflow's importer.
 */
export function resolveManagers(emails: string, row: number, members: Member[], report: Reporter): string[] {
  const ids: string[] = [];
  for (const email of new Set(
    emails
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )) {
    const member = members.find((m) => m.email.trim().toLowerCase() === email);
    if (!member) {
      report.warning(row, 'accountManagers', {
        code: 'ACCOUNT_MANAGER_NOT_FOUND',
        message: `Account manager not found: no member of your Upflow organisation has the email ${email}; the customer is sent without this manager.`,
        fix: `Check the email, or invite ${email} in Upflow with the Account manager role.`,
      });
    } else if (assignability(member) === 'no') {
      report.warning(row, 'accountManagers', {
        code: 'ACCOUNT_MANAGER_NOT_MANAGER',
        message: `${email} is a member of your Upflow organisation but not an account manager, and only account managers can be assigned to customers.`,
        fix: 'Give this member the Account manager role in Upflow, or choose another manager.',
      });
    } else if (!ids.includes(member.id)) ids.push(member.id);
  }
  return ids;
}

/** Names match as displayed: a non-breaking space pasted into the name (Upflow's classic error) doesn't count. */
export function resolveWorkflow(name: string, row: number, workflows: DunningPlan[], report: Reporter): string | undefined {
  const plan = workflows.find((w) => nameKey(w.name) === nameKey(name));
  if (!plan) {
    const known = workflows
      .slice(0, 5)
      .map((w) => `"${w.name}"`)
      .join(', ');
    report.warning(row, 'workflow', {
      code: 'WORKFLOW_NOT_FOUND',
      message: `Workflow not found: Upflow has no workflow named "${name}"; the customer is sent without it.`,
      fix: known ? `Use the name as displayed in Upflow, for example ${known}.` : 'Create the workflow in Upflow first, or leave the cell empty.',
    });
  }
  return plan?.id;
}
