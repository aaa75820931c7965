// Sheets stores dates in the spreadsheet's time zone; Node only knows UTC and the host zone,
// so wall-clock parts are computed through Intl for any IANA zone.
export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallClock(time: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(time))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((time % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** Minutes to add to UTC to get the zone's wall clock at `time`. */
export function offsetMinutes(time: number, timeZone: string): number {
  const w = wallClock(time, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return Math.round((asUtc - time) / 60000);
}

/** The instant whose wall clock in `timeZone` reads the given parts. */
export function fromWallClock(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  // Two passes settle the offset when the guess and the answer straddle a DST change.
  const firstPass = guess - offsetMinutes(guess, timeZone) * 60000;
  return guess - offsetMinutes(firstPass, timeZone) * 60000;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Sheets' serial day number (days since 1899-12-30 in the spreadsheet's zone). */
export function toSerial(time: number, timeZone: string): number {
  const w = wallClock(time, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (wall - SERIAL_EPOCH) / 86400000;
}
