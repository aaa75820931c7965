/**
 * The lines of the playground's demo sheet, laid out by the add-on's "All of the above" template.
 * Most are right and match the sandbox's seeded organisation (sandbox/seed.json: members
 * camille.dubois, john.smith, lea.lefevre and emily.carter are account managers; workflows
 * "Standard", "Grands comptes" and "Key accounts"). A few carry the mistakes real files have,
 * each noted where it is.
 */
import type { FieldId } from '../src/engine/fields';

/** Cell values by field; a number is a cell holding one (what a spreadsheet makes of "01000"). */
export type DemoLine = Partial<Record<FieldId, string | number>>;

const martin = { customerName: 'Boulangeries Martin', customerId: 'C-1001', accountingCode: '411MARTIN', vatNumber: 'FR40303265045', address: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'France', externalId: 'C-1001', accountManagers: 'camille.dubois@example.com', workflow: 'Standard' };
const moreau = { customerName: 'Transports Moreau', customerId: 'C-5005', accountingCode: '411MOREAU', address: '27 avenue Jean Jaurès', postalCode: '69007', city: 'Lyon', country: 'France', externalId: 'C-5005', accountManagers: 'lea.lefevre@example.com', workflow: 'Standard' };

export const DEMO_LINES: readonly DemoLine[] = [
  // Already in the sandbox, unchanged.
  { ...martin, contactEmail: 'claire.martin@boulangeries-martin.fr', firstName: 'Claire', familyName: 'Martin', phoneNumber: '+33 1 42 68 53 00', contactId: 'CT-1', position: 'Accounting', mainContact: '1' },
  { ...martin, contactEmail: 'paul.durand@boulangeries-martin.fr', firstName: 'Paul', familyName: 'Durand', phoneNumber: '06 12 34 56 78', position: 'Purchaser' },
  // New, in the Martin group.
  { customerName: 'Martin Lyon', customerId: 'C-1002', accountingCode: '411MARTLY', address: '3 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'France', groupName: 'Boulangeries Martin', groupId: 'C-1001', externalId: 'C-1002', accountManagers: 'camille.dubois@example.com', workflow: 'Standard', contactEmail: 'luc.bernard@martin-lyon.fr', firstName: 'Luc', familyName: 'Bernard', phoneNumber: '04 78 42 10 10', contactId: 'CT-2', position: 'Payer', mainContact: '1' },
  // In the sandbox with another street spelling: an update.
  { customerName: 'Acme Ltd', customerId: 'C-2001', accountingCode: '411ACME', vatNumber: 'GB980780684', address: '10 Downing Street', postalCode: 'SW1A 2AA', city: 'London', country: 'United Kingdom', externalId: 'C-2001', accountManagers: 'john.smith@example.com', workflow: 'Key accounts', contactEmail: 'jane.doe@acme.co.uk', firstName: 'Jane', familyName: 'Doe', phoneNumber: '+44 20 7946 0958', contactId: 'CT-3', position: 'Payer', mainContact: '1' },
  { customerName: 'Dupont Industries SAS', customerId: 'C-3001', accountingCode: '411DUPONT', vatNumber: 'FR83404833048', address: "8 avenue de l'Europe", postalCode: '67000', city: 'Strasbourg', country: 'France', externalId: 'C-3001', accountManagers: 'lea.lefevre@example.com, camille.dubois@example.com', workflow: 'Grands comptes', contactEmail: 'comptabilite@dupont-industries.fr', firstName: 'Nathalie', familyName: 'Roux', position: 'Accounting', mainContact: '1' },
  // The postal code lost its leading zero (01000): the cell holds the number 1000.
  { customerName: 'Fromagerie Duval', customerId: 'C-5001', accountingCode: '411DUVAL', address: '5 place de la Grenouillère', postalCode: 1000, city: 'Bourg-en-Bresse', country: 'France', externalId: 'C-5001', accountManagers: 'camille.dubois@example.com', workflow: 'Standard', contactEmail: 'compta@fromagerie-duval.fr', firstName: 'Anne', familyName: 'Duval', phoneNumber: '04 74 22 31 15', position: 'Accounting', mainContact: '1' },
  // A typo in the VAT number (FR83404833048 is right; the key no longer matches).
  { customerName: 'Garage Lefort & Fils', customerId: 'C-5002', accountingCode: '411LEFORT', vatNumber: 'FR83404833049', address: '14 rue Nationale', postalCode: '59000', city: 'Lille', country: 'France', externalId: 'C-5002', accountManagers: 'camille.dubois@example.com', workflow: 'Standard', contactEmail: 'factures@garage-lefort.fr', firstName: 'Bruno', familyName: 'Lefort', phoneNumber: '03 20 55 12 34', position: 'Payer', mainContact: '1' },
  // The workflow was copied from a web page: a non-breaking space between its words.
  { customerName: 'Hôtel du Lac', customerId: 'C-5003', accountingCode: '411HOTLAC', address: '2 quai Napoléon III', postalCode: '74000', city: 'Annecy', country: 'France', externalId: 'C-5003', accountManagers: 'lea.lefevre@example.com', workflow: 'Grands\u00a0comptes', contactEmail: 'direction@hoteldulac-annecy.fr', firstName: 'Sophie', familyName: 'Girard', phoneNumber: '04 50 45 12 12', position: 'Accounting', mainContact: '1' },
  // An email address without its "@".
  { customerName: 'Bright Cloud Solutions Ltd', customerId: 'C-5004', accountingCode: '411BRIGHT', address: '1 Piccadilly Gardens', postalCode: 'M1 1RG', city: 'Manchester', country: 'United Kingdom', externalId: 'C-5004', accountManagers: 'john.smith@example.com', workflow: 'Key accounts', contactEmail: 'accounts.brightcloud.co.uk', firstName: 'Oliver', familyName: 'Hughes', phoneNumber: '+44 161 496 0000', position: 'Accounting', mainContact: '1' },
  // Two main contacts for one customer.
  { ...moreau, contactEmail: 'sylvie.moreau@transports-moreau.fr', firstName: 'Sylvie', familyName: 'Moreau', phoneNumber: '04 72 73 40 00', position: 'Accounting', mainContact: '1' },
  { ...moreau, contactEmail: 'karim.benali@transports-moreau.fr', firstName: 'Karim', familyName: 'Benali', phoneNumber: '06 45 78 12 90', position: 'Purchaser', mainContact: '1' },
  // An account manager who is not a member of the organisation.
  { customerName: 'Studio Nguyen Design', customerId: 'C-5006', accountingCode: '411NGUYEN', address: '40 rue de Bretagne', postalCode: '75003', city: 'Paris', country: 'France', externalId: 'C-5006', accountManagers: 'marc.rousseau@example.com', workflow: 'Standard', contactEmail: 'hello@studio-nguyen.fr', firstName: 'Linh', familyName: 'Nguyen', phoneNumber: '01 44 54 20 20', position: 'Sales', mainContact: '1' },
  { customerName: 'Northwind Traders', customerId: 'C-4001', accountingCode: '411NORTH', address: '350 Fifth Avenue', postalCode: '10118', city: 'New York', state: 'NY', country: 'United States', externalId: 'C-4001', accountManagers: 'emily.carter@example.com', workflow: 'Key accounts', contactEmail: 'ap@northwindtraders.com', firstName: 'Michael', familyName: 'Brown', phoneNumber: '+1 212 736 3100', position: 'Payer', mainContact: '1' },
  { customerName: 'Librairie Papillon', customerId: 'C-5007', accountingCode: '411PAPILL', address: '9 rue Crébillon', postalCode: '44000', city: 'Nantes', country: 'France', externalId: 'C-5007', accountManagers: 'emily.carter@example.com', workflow: 'Standard', contactEmail: 'librairie.papillon@orange.fr', firstName: 'Marie', familyName: 'Lambert', phoneNumber: '02 40 48 12 34', position: 'Accounting', mainContact: '1' },
  { customerName: 'Kensington Dental Care', customerId: 'C-5008', accountingCode: '411KENSIN', address: '120 Kensington High Street', postalCode: 'W8 7RL', city: 'London', country: 'United Kingdom', externalId: 'C-5008', accountManagers: 'john.smith@example.com', workflow: 'Key accounts', contactEmail: 'billing@kensingtondental.co.uk', firstName: 'Priya', familyName: 'Patel', phoneNumber: '+44 20 7937 1234', position: 'Payer', mainContact: '1' },
];
