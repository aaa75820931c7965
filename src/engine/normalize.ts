/** Spaces Sheets users paste without seeing them: non-breaking, narrow, zero-width. */
const INVISIBLE_SPACES = /[\u00a0\u2007\u202f\u2000-\u200a\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;

export const hasInvisibleSpace = (text: string): boolean => /[\u00a0\u2007\u202f\u2000-\u200a\u3000\u200b-\u200d\ufeff]/.test(text);

/** Trims, turns invisible spaces into plain ones and folds runs of spaces. */
export function cleanSpaces(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(INVISIBLE_SPACES, ' ').replace(/\s+/g, ' ').trim();
}

/** For comparing labels: lower case, no accents, punctuation as spaces. "Numéro de TVA" -> "numero de tva". */
export function normalizeLabel(text: string): string {
  return cleanSpaces(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
