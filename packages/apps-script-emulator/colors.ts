import { fail } from './exception';

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  pink: '#ffc0cb',
  gray: '#808080',
  grey: '#808080',
  cyan: '#00ffff',
  magenta: '#ff00ff',
};

// setBackgrounds on a 50,000-row sheet normalises a million strings drawn from a handful
// of colours: memoising keeps it to a map lookup each.
const memo = new Map<string, string>();

/** Lowercase `#rrggbb`, as the real getters return; null or "" resets to `fallback`. */
export function normalizeColor(color: string | null | undefined, fallback: string): string {
  if (color === null || color === undefined || color === '') return fallback;
  const known = memo.get(color);
  if (known !== undefined) return known;
  const lower = String(color).trim().toLowerCase();
  let hex = NAMED[lower];
  if (hex === undefined && /^#[0-9a-f]{6}$/.test(lower)) hex = lower;
  if (hex === undefined && /^#[0-9a-f]{3}$/.test(lower)) hex = `#${[...lower.slice(1)].map((c) => c + c).join('')}`;
  if (hex === undefined) fail(`Invalid color: ${color}`);
  if (memo.size < 10000) memo.set(color, hex);
  return hex;
}
