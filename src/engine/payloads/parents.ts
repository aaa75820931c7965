import type { FieldId } from '../fields';
import { nameKey } from '../customers/name';
import { customerIdOf } from './identity';
import type { Merged } from './merge';
import type { Reporter } from './report';

export interface ParentLink {
  /** Key of the group when it is a customer of this sheet. */
  parentKey: string | null;
  /** What `parent: {externalId}` says, when the group's ID is known. */
  parentExternalId: string | null;
  /** The group's name when its ID isn't known: the import resolves it to `parent: {id}`. */
  parentName: string | null;
}

interface Linkable {
  key: string;
  merged: Merged;
}
const NO_PARENT: ParentLink = { parentKey: null, parentExternalId: null, parentName: null };

/**
 * Links subsidiaries to their groups. Customers refused here (group name shared by several
 * customers, groups forming a loop) are returned so they are not sent; their subsidiaries keep
 * only the group's name or ID and so don't wait on them.
 */
export function linkParents(customers: Linkable[], report: Reporter): { links: Map<string, ParentLink>; refused: Set<string> } {
  const byName = new Map<string, Linkable[]>();
  for (const c of customers) {
    const name = c.merged.values.customerName;
    if (name !== undefined) byName.set(nameKey(name), [...(byName.get(nameKey(name)) ?? []), c]);
  }
  const keys = new Set(customers.map((c) => c.key));
  const links = new Map<string, ParentLink>();
  const refused = new Set<string>();

  for (const c of customers) {
    const { groupId, groupName } = c.merged.values;
    if (groupId !== undefined) {
      links.set(c.key, { parentKey: keys.has(`id:${groupId}`) ? `id:${groupId}` : null, parentExternalId: groupId, parentName: null });
      continue;
    }
    if (groupName === undefined) {
      links.set(c.key, NO_PARENT);
      continue;
    }
    const candidates = byName.get(nameKey(groupName)) ?? [];
    const [parent] = candidates;
    if (candidates.length > 1) {
      refused.add(c.key);
      report.error(c.merged.rowOf.groupName ?? 0, 'groupName', {
        code: 'GROUP_AMBIGUOUS',
        message: `Several customers of the sheet are named "${groupName}", so the group of this customer is unclear.`,
        fix: 'Fill in the Group ID with the Customer ID of the right group.',
      });
    } else if (parent) {
      const parentExternalId = customerIdOf(parent.merged.values, 'import') ?? null;
      links.set(c.key, { parentKey: parent.key, parentExternalId, parentName: parentExternalId === null ? groupName : null });
    } else links.set(c.key, { parentKey: null, parentExternalId: null, parentName: groupName });
  }

  for (const loop of findLoops(links)) {
    const names = loop.map((key) => customers.find((c) => c.key === key)?.merged.values.customerName ?? key);
    for (const key of loop) {
      refused.add(key);
      const merged = customers.find((c) => c.key === key)?.merged;
      const field: FieldId = merged?.values.groupId !== undefined ? 'groupId' : 'groupName';
      report.error(merged?.rowOf[field] ?? 0, field, {
        code: 'GROUP_CYCLE',
        message: names.length === 1 ? `"${names[0]}" is given as its own group.` : `These groups contain each other in a loop: ${[...names, names[0]].join(' → ')}.`,
        fix: 'A group must be above its subsidiaries: fix the Group name or Group ID on one of these lines.',
      });
    }
  }

  for (const [key, link] of links) {
    if (link.parentKey !== null && refused.has(link.parentKey)) links.set(key, { ...link, parentKey: null });
  }
  return { links, refused };
}

/** Each loop of parentKey links once, as the keys on it. */
function findLoops(links: Map<string, ParentLink>): string[][] {
  const loops: string[][] = [];
  const settled = new Set<string>();
  for (const start of links.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let key: string | null = start;
    while (key !== null && !settled.has(key) && !onPath.has(key)) {
      path.push(key);
      onPath.add(key);
      key = links.get(key)?.parentKey ?? null;
    }
    if (key !== null && onPath.has(key)) loops.push(path.slice(path.indexOf(key)));
    for (const k of path) settled.add(k);
  }
  return loops;
}

/** Depth of each customer under the groups of the sheet; links must be free of loops. */
export function levels(links: Map<string, ParentLink>): Map<string, number> {
  const depth = new Map<string, number>();
  // Walks up each chain with a loop, not recursion: a sheet may hold a chain of groups as long as itself.
  for (const start of links.keys()) {
    const chain: string[] = [];
    let key: string | null = start;
    while (key !== null && !depth.has(key)) {
      chain.push(key);
      key = links.get(key)?.parentKey ?? null;
    }
    let level = key === null ? -1 : depth.get(key)!;
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i]!, ++level);
  }
  return depth;
}
