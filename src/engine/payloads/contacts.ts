import { fieldsOfSection } from '../fields';
import { upflowValues } from '../placed-values';
import type { RowRecord } from '../sheet-input';
import { compact } from './compact';
import { mergeLines, type Merged } from './merge';
import type { Reporter } from './report';

const CONTACT_FIELDS = fieldsOfSection('contact');

/** Contact drafts of one customer, one per email; customerBodySchema checks and types them. */
export function buildContacts(lines: RowRecord[], report: Reporter): Array<Record<string, unknown>> {
  // A contact is its Upflow contact ID when the line gives one (its email may be the edit), else its email.
  const byEmail = new Map<string, RowRecord[]>();
  for (const line of lines) {
    const email = line.values.contactEmail;
    const key = line.values.upflowContactId ?? email;
    if (email !== undefined && key !== undefined) byEmail.set(key, [...(byEmail.get(key) ?? []), line]);
  }
  const contacts = [...byEmail.values()].map((contactLines) => mergeLines(contactLines, CONTACT_FIELDS, report));
  const main = mainContact(contacts, report);
  return contacts.map(({ values }) =>
    compact({
      id: values.upflowContactId,
      email: values.contactEmail,
      ...upflowValues(values, 'contact'),
      // Absent rather than false: Upflow's own main-contact setting stays unless a line names one.
      isMain: values.contactEmail === main ? true : undefined,
    }),
  );
}

/** Upflow keeps one main contact and the latest update wins, so the last line saying "1" does. */
function mainContact(contacts: Merged[], report: Reporter): string | undefined {
  const marked = contacts.filter((c) => c.values.mainContact === '1').sort((a, b) => (a.rowOf.mainContact ?? 0) - (b.rowOf.mainContact ?? 0));
  const winner = marked.at(-1);
  for (const loser of marked.slice(0, -1)) {
    report.warning(loser.rowOf.mainContact ?? 0, 'mainContact', {
      code: 'MAIN_CONTACT_DUPLICATE',
      message: `A customer has one main contact; row ${winner?.rowOf.mainContact} also says "1" and, coming later, wins.`,
      fix: 'Keep "1" on the line of one contact of this customer only.',
    });
  }
  return winner?.values.contactEmail;
}
