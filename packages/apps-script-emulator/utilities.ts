import { createHash, createHmac, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ApiSubset } from './api-types';
import { EmulatedBlob } from './blob';
import { toBytes, toJavaBytes } from './bytes';
import { fail } from './exception';
import { instrument, type Runtime } from './runtime';
import { offsetMinutes, wallClock } from './time-zone';

export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const);
export const DigestAlgorithm = Object.freeze({ MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' } as const);
export const MacAlgorithm = Object.freeze({
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const);

const NODE_HASH: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const MAX_SLEEP_MS = 300000;

type Data = string | number[];

function encoded(data: Data, charset?: string): Buffer {
  if (typeof data === 'string' && charset === Charset.US_ASCII) return Buffer.from(data, 'ascii');
  return Buffer.from(toBytes(data));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function zoneName(time: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(time)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Java SimpleDateFormat patterns, as Utilities.formatDate takes them. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const time = date.getTime();
  const w = wallClock(time, timeZone);
  const offset = offsetMinutes(time, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return pattern.replace(/'([^']*)'|([A-Za-z])\2*/g, (token, literal: string | undefined, letter: string | undefined) => {
    if (literal !== undefined) return literal === '' ? "'" : literal;
    const n = token.length;
    switch (letter) {
      case 'y':
        return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
      case 'M':
        return n >= 4 ? (MONTHS[w.month - 1] ?? '') : n === 3 ? (MONTHS[w.month - 1] ?? '').slice(0, 3) : pad(w.month, n);
      case 'd':
        return pad(w.day, n);
      case 'H':
        return pad(w.hour, n);
      case 'k':
        return pad(w.hour === 0 ? 24 : w.hour, n);
      case 'h':
        return pad(((w.hour + 11) % 12) + 1, n);
      case 'K':
        return pad(w.hour % 12, n);
      case 'm':
        return pad(w.minute, n);
      case 's':
        return pad(w.second, n);
      case 'S':
        return pad(w.millisecond, 3).slice(0, Math.max(n, 3));
      case 'E':
        return n >= 4 ? (DAYS[w.weekday] ?? '') : (DAYS[w.weekday] ?? '').slice(0, 3);
      case 'u':
        return String(w.weekday === 0 ? 7 : w.weekday);
      case 'a':
        return w.hour < 12 ? 'AM' : 'PM';
      case 'z':
        return zoneName(time, timeZone);
      case 'Z':
        return `${sign}${hh}${mm}`;
      case 'X':
        return offset === 0 ? 'Z' : n === 1 ? `${sign}${hh}` : n === 2 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
      default:
        return fail(`Illegal pattern character '${letter}'`);
    }
  });
}

/** RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The emulator's blobs are its only blob sources. */
const blobOf = (source: unknown): EmulatedBlob => (source instanceof EmulatedBlob ? source : fail('Invalid argument: blob'));

type UtilitiesMethods =
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature'
  | 'formatDate'
  | 'getUuid'
  | 'gzip'
  | 'newBlob'
  | 'parseCsv'
  | 'sleep'
  | 'ungzip';

export class EmulatedUtilities implements ApiSubset<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods> {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;

  constructor(readonly rt: Runtime) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    return formatJavaDate(date, timeZone, format);
  }

  /** Blocks the thread (or moves a test's clock); past the execution deadline it stops there and the execution dies. */
  sleep(milliseconds: number): void {
    if (milliseconds > MAX_SLEEP_MS) fail(`Argument too large: milliseconds`);
    const remaining = this.rt.remainingMs();
    this.rt.sleep(Math.max(0, Math.min(milliseconds, remaining)));
    if (milliseconds > remaining) throw new Error('Exceeded maximum execution time');
  }

  getUuid(): string {
    return randomUUID();
  }

  base64Encode(data: Data, charset?: string): string {
    return encoded(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: Data, charset?: string): string {
    return encoded(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encodedText: string, charset?: string): number[] {
    void charset;
    return toJavaBytes(new Uint8Array(Buffer.from(encodedText, 'base64')));
  }

  base64DecodeWebSafe(encodedText: string, charset?: string): number[] {
    void charset;
    return toJavaBytes(new Uint8Array(Buffer.from(encodedText, 'base64url')));
  }

  computeDigest(algorithm: string, value: Data, charset?: string): number[] {
    const hash = NODE_HASH[String(algorithm)] ?? fail(`Invalid argument: algorithm`);
    return toJavaBytes(new Uint8Array(createHash(hash).update(encoded(value, charset)).digest()));
  }

  computeHmacSignature(algorithm: string, value: Data, key: Data, charset?: string): number[] {
    const hash = NODE_HASH[String(algorithm).replace(/^HMAC_/, '')] ?? fail(`Invalid argument: algorithm`);
    return toJavaBytes(new Uint8Array(createHmac(hash, encoded(key, charset)).update(encoded(value, charset)).digest()));
  }

  computeHmacSha256Signature(value: Data, key: Data, charset?: string): number[] {
    return toJavaBytes(new Uint8Array(createHmac('sha256', encoded(key, charset)).update(encoded(value, charset)).digest()));
  }

  newBlob(data: Data, contentType?: string, name?: string): EmulatedBlob {
    return new EmulatedBlob(this.rt, toBytes(data), contentType ?? null, name ?? null);
  }

  gzip(source: GoogleAppsScript.Base.BlobSource, name?: string): EmulatedBlob {
    const blob = blobOf(source);
    return new EmulatedBlob(this.rt, new Uint8Array(gzipSync(blob.data)), 'application/x-gzip', name ?? (blob.name === null ? null : `${blob.name}.gz`));
  }

  ungzip(source: GoogleAppsScript.Base.BlobSource): EmulatedBlob {
    const blob = blobOf(source);
    let data: Buffer;
    try {
      data = gunzipSync(blob.data);
    } catch {
      // No source gives the real message for data that is not gzip: this one is the emulator's own.
      return fail('Invalid argument: blob is not in gzip format');
    }
    return new EmulatedBlob(this.rt, new Uint8Array(data), null, blob.name?.replace(/\.gz$/, '') ?? null);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(String(csv), delimiter ?? ',');
  }
}
instrument(EmulatedUtilities, 'Utilities');
