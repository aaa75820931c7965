import { errors } from './errors';
import { contactPositions, type Readings } from './readings';

/** 400 for a contact position the organisation does not have ([doc]: organisations add their own). */
export function assertPositions(contacts: ReadonlyArray<{ position?: string | null | undefined }>, readings: Readings): void {
  const known = contactPositions(readings);
  for (const { position } of contacts) {
    if (position != null && !known.includes(position)) throw errors.validation(`Invalid request: position must be one of ${known.join(', ')}`);
  }
}
