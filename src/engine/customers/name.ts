import { cleanSpaces } from '../normalize';

/**
 * The one definition of "the same name", for lines of the sheet and customers Upflow holds alike:
 * trimmed, inner spaces collapsed (invisible ones included), case ignored, nothing else folded.
 * "A&B Conseil" and "A B Conseil" are two customers: a name decides a write only when it is the same.
 */
export const nameKey = (name: string): string => cleanSpaces(name).toLowerCase();

/**
 * Names that differ only by accents, punctuation or spacing: never the same customer, but worth
 * a warning, since the user probably means the one Upflow holds.
 */
export function lookAlikeKey(name: string): string {
  return cleanSpaces(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
