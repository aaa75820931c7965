/** "3 lines", "1 line": counts are everywhere and the singular matters to readers. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

const validDate = (iso: string): Date | null => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** The server speaks ISO (UTC); people read their own time zone and locale. */
export function dateTime(iso: string): string {
  const d = validDate(iso);
  return d ? d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : iso;
}

export function time(iso: string): string {
  const d = validDate(iso);
  return d ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : iso;
}

export function timeLeft(seconds: number | null): string {
  if (seconds === null) return 'estimating time left…';
  if (seconds < 45) return 'less than a minute left';
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${Math.round(seconds / 3600)} h left`;
}

export function delimiterName(d: string): string {
  const names: Record<string, string> = { '\t': 'tab', ' ': 'space' };
  return names[d] ?? d;
}

/** Reads a list of names the way a sentence does: "A", "A and B", "A, B and C". */
export function list(items: string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
