import { cleanSpaces } from '../normalize';
import { closest } from '../similarity';
import type { DunningPlan, Member } from '../upflow/schemas';
import { quote } from './messages';
import type { Report } from './report';

/**
 * The problems Check reports from here, each with the heading the sidebar groups it under. The
 * import plan reports WORKFLOW_NOT_FOUND too, when it resolves names (src/engine/payloads/resolve.ts).
 */
export const WORKFLOW_PROBLEMS = {
  WORKFLOW_NOT_FOUND: 'Workflows not found',
} as const;

/** Members and workflows as GET /users and GET /dunning_plans return them, indexed once per validation. */
export class Organisation {
  readonly members: readonly Member[] | undefined;
  private readonly membersByEmail = new Map<string, Member>();
  private readonly workflows: readonly DunningPlan[] | undefined;
  private readonly workflowsByName = new Map<string, DunningPlan>();
  private readonly workflowsByKey = new Map<string, DunningPlan>();
  private readonly workflowVerdicts = new Map<string, Verdict | null>();

  constructor(members: Member[] | undefined, workflows: DunningPlan[] | undefined) {
    this.members = members;
    for (const member of members ?? []) this.membersByEmail.set(member.email.trim().toLowerCase(), member);
    this.workflows = workflows;
    for (const plan of workflows ?? []) {
      this.workflowsByName.set(plan.name, plan);
      this.workflowsByKey.set(workflowKey(plan.name), plan);
    }
  }

  member(email: string): Member | undefined {
    return this.membersByEmail.get(email);
  }

  /** Reports a workflow name that isn't one of the organisation's; nothing when workflows weren't loaded. */
  checkWorkflow(report: Report, line: number, name: string): void {
    if (!this.workflows) return;
    let verdict = this.workflowVerdicts.get(name);
    if (verdict === undefined) {
      verdict = this.judgeWorkflow(name);
      this.workflowVerdicts.set(name, verdict);
    }
    if (verdict) report.error(line, 'workflow', 'WORKFLOW_NOT_FOUND', verdict.message, verdict.fix, verdict.suggestion);
  }

  private judgeWorkflow(name: string): Verdict | null {
    if (this.workflowsByName.has(name)) return null;
    const fix = 'Use the workflow name exactly as Upflow shows it in its list of workflows.';
    const sameWords = this.workflowsByKey.get(workflowKey(name));
    if (sameWords) {
      return {
        message: `Workflow not found, check spelling: ${quote(name)} differs from ${quote(sameWords.name)} only in capital letters or spaces.`,
        fix,
        suggestion: sameWords.name,
      };
    }
    const near = closest(workflowKey(name), this.workflows ?? [], (plan) => workflowKey(plan.name));
    if (near) {
      return { message: `Workflow not found, check spelling: ${quote(name)}; did you mean ${quote(near.match.name)}?`, fix, suggestion: near.match.name };
    }
    const known = (this.workflows ?? [])
      .slice(0, 5)
      .map((plan) => quote(plan.name))
      .join(', ');
    return {
      message: `Workflow not found, check spelling: no workflow of your organisation is called ${quote(name)}.`,
      fix: known ? `${fix} Your workflows include ${known}.` : `${fix} Your organisation has no workflow yet: create it in Upflow first.`,
    };
  }
}

interface Verdict {
  message: string;
  fix: string;
  suggestion?: string;
}

const workflowKey = (name: string): string => cleanSpaces(name).toLowerCase();
