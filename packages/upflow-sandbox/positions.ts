import { errors } from './errors';
import { contactPositions, type Readings } from './readings';

/** 400 for a contact position the organisation does not have ([doc]: organisations add their own). */
export function assertPositions(contacts: ReadonlyArray<{ position?: string | null | undefined }>, readings: Readings, where: (index: number) => string): void {
  const known = contactPositions(readings);
  contacts.forEach(({ position }, index) => {
    if (position != null && !known.includes(position)) throw errors.validation(`Invalid request: ${where(index)} must be one of ${known.join(', ')}`);
  });
}
