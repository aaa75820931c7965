import { field, type FieldId } from '../src/engine/fields';

/** 20 columns of the "All of the above" template (Contact ID left out). */
export const BENCH_FIELDS: FieldId[] = [
  'customerName',
  'customerId',
  'accountingCode',
  'vatNumber',
  'address',
  'postalCode',
  'city',
  'state',
  'country',
  'groupName',
  'groupId',
  'externalId',
  'accountManagers',
  'workflow',
  'contactEmail',
  'firstName',
  'familyName',
  'phoneNumber',
  'position',
  'mainContact',
];

const CITIES = [
  ['Paris', '75008'],
  ['Lyon', '69002'],
  ['Marseille', '13001'],
  ['Lille', '59000'],
  ['Nantes', '44000'],
  ['Bordeaux', '33000'],
  ['Annecy', '74000'],
  ['Ajaccio', '20000'],
] as const;
const FIRST = ['Claire', 'Paul', 'Sophie', 'Luc', 'Emma', 'Hugo', 'Léa', 'Jules', 'Chloé', 'Louis'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'];
const POSITIONS = ['Accounting', 'Sales', 'Purchaser', 'Payer', ''];

/** A deterministic pseudo-random sequence, so every run checks the same sheet. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface GeneratedSheet {
  headers: string[];
  rows: string[][];
}

/**
 * A realistic sheet of customers with two contact lines each, about 5% of lines carrying a
 * mistake users really make (bad email, lost leading zero, unknown workflow, stray spaces...).
 */
export function generateSheet(rowCount: number, options: { seed?: number; errorRate?: number; managers?: string[]; workflows?: string[] } = {}): GeneratedSheet {
  const next = random(options.seed ?? 42);
  const errorRate = options.errorRate ?? 0.05;
  const managers = options.managers ?? ['camille.dubois@example.com', 'john.smith@example.com'];
  const workflows = options.workflows ?? ['Standard', 'Key accounts'];
  const rows: string[][] = [];
  for (let i = 0; rows.length < rowCount; i++) {
    const id = `C-${String(100000 + i)}`;
    const [city, zip] = CITIES[i % CITIES.length]!;
    const name = `${LAST[i % LAST.length]} ${['SAS', 'SARL', 'SA', 'Distribution', 'Services'][i % 5]} ${i}`;
    const customer: Partial<Record<FieldId, string>> = {
      customerName: name,
      customerId: id,
      accountingCode: `411${String(i).padStart(6, '0')}`,
      vatNumber: 'FR40303265045',
      address: `${1 + (i % 120)} rue de la République`,
      postalCode: zip,
      city,
      state: '',
      country: 'France',
      groupName: i % 10 === 9 ? `${LAST[(i - 1) % LAST.length]} ${['SAS', 'SARL', 'SA', 'Distribution', 'Services'][(i - 1) % 5]} ${i - 1}` : '',
      groupId: i % 10 === 9 ? `C-${String(100000 + i - 1)}` : '',
      externalId: id,
      accountManagers: managers[i % managers.length]!,
      workflow: workflows[i % workflows.length]!,
    };
    for (let c = 0; c < 2 && rows.length < rowCount; c++) {
      const first = FIRST[(i + c) % FIRST.length]!;
      const last = LAST[(i * 3 + c) % LAST.length]!;
      const line: Partial<Record<FieldId, string>> = {
        ...customer,
        contactEmail: `${first
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')}.${last.toLowerCase()}.${i}.${c}@client${i}.fr`,
        firstName: first,
        familyName: last,
        phoneNumber: `+33 6 12 ${String(10 + c * 7)} ${String(20 + (i % 70))} ${String(30 + (i % 60))}`,
        position: POSITIONS[(i + c) % POSITIONS.length]!,
        mainContact: c === 0 ? '1' : '',
      };
      if (next() < errorRate) spoil(line, next);
      rows.push(BENCH_FIELDS.map((f) => line[f] ?? ''));
    }
  }
  return { headers: BENCH_FIELDS.map((f) => field(f).label), rows };
}

function spoil(line: Partial<Record<FieldId, string>>, next: () => number): void {
  const kind = Math.floor(next() * 6);
  if (kind === 0) line.contactEmail = line.contactEmail!.replace('@', ' at ');
  else if (kind === 1) line.postalCode = String(Number(line.postalCode)).slice(1);
  else if (kind === 2) line.workflow = `${line.workflow}\u00a0`;
  else if (kind === 3) line.customerName = ` ${line.customerName} `;
  else if (kind === 4) line.phoneNumber = '06 12';
  else line.position = 'Boss';
}
