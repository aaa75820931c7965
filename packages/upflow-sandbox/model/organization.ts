/** The organisation, its members (account managers are members) and its workflows (dunning plans). */
import type { SandboxDb } from '../db';
import type { DunningPlanOut, MemberOut, MemberPosition, OrganizationPatch, SourceSystem } from '../schemas';

export interface Organization {
  name: string;
  sourceSystem: SourceSystem;
  apiKey: string;
  apiSecret: string;
}

export function getOrganization(db: SandboxDb): Organization {
  const row = db.get<{ name: string; source_system: SourceSystem; api_key: string; api_secret: string }>(
    'SELECT name, source_system, api_key, api_secret FROM organization WHERE id = 1',
  );
  if (!row) throw new Error('the sandbox database has no organisation (not seeded)');
  return { name: row.name, sourceSystem: row.source_system, apiKey: row.api_key, apiSecret: row.api_secret };
}

export function updateOrganization(db: SandboxDb, patch: OrganizationPatch): void {
  db.write(() => {
    if (patch.name !== undefined) db.run('UPDATE organization SET name = ? WHERE id = 1', [patch.name]);
    if (patch.sourceSystem !== undefined) db.run('UPDATE organization SET source_system = ? WHERE id = 1', [patch.sourceSystem]);
  });
}

interface MemberRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string;
  position: MemberPosition;
}

const toMember = (r: MemberRow): MemberOut => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  position: r.position,
});

export function listMembers(db: SandboxDb): MemberOut[] {
  return db.all<MemberRow>('SELECT id, first_name, last_name, email, position FROM members ORDER BY seq').map(toMember);
}

export function findMember(db: SandboxDb, id: string): MemberOut | undefined {
  const row = db.get<MemberRow>('SELECT id, first_name, last_name, email, position FROM members WHERE id = ?', [id]);
  return row && toMember(row);
}

interface PlanRow {
  id: string;
  name: string;
  mode: string | null;
  entity: string | null;
}

export function listDunningPlans(db: SandboxDb): DunningPlanOut[] {
  return db.all<PlanRow>('SELECT id, name, mode, entity FROM dunning_plans ORDER BY seq');
}

export function findDunningPlan(db: SandboxDb, id: string): DunningPlanOut | undefined {
  return db.get<PlanRow>('SELECT id, name, mode, entity FROM dunning_plans WHERE id = ?', [id]);
}
