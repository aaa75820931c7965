/**
 * Turns a file's bytes into text the way a spreadsheet would open it: a byte-order mark decides
 * (UTF-8, UTF-16 little or big endian); without one the bytes are UTF-8 when they are valid
 * UTF-8, else Windows-1252, which French Excel uses for "CSV (separator: semicolon)". The CLI, the
 * sidebar (in the browser) and the playground all read files through here, so a file reads the
 * same everywhere. Pure code: Apps Script has no TextDecoder.
 */
export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Windows-1252 bytes 0x80-0x9F (the rest is Latin-1); 0xFFFD where the code page has no character. */
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

/** Code units are turned into a string in bounded chunks: one call per unit is slow, one spread of a 10 MB file overflows the stack. */
class TextBuilder {
  private readonly parts: string[] = [];
  private readonly units = new Array<number>(8192);
  private length = 0;

  push(unit: number): void {
    this.units[this.length++] = unit;
    if (this.length === this.units.length) this.flush();
  }

  flush(): void {
    if (this.length) this.parts.push(String.fromCharCode.apply(null, this.units.slice(0, this.length)));
    this.length = 0;
  }

  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}

/** Strict UTF-8 (no overlong forms, no surrogates); undefined at the first invalid byte. */
function utf8(bytes: Uint8Array, start: number): string | undefined {
  const out = new TextBuilder();
  for (let i = start; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out.push(b);
      i++;
      continue;
    }
    const size = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? (b <= 0xef ? 3 : 0) : b >= 0xc2 ? 2 : 0;
    if (size === 0 || i + size > bytes.length) return undefined;
    let point = b & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return undefined;
      point = (point << 6) | (next & 0x3f);
    }
    if ((size === 3 && point < 0x800) || (size === 4 && (point < 0x10000 || point > 0x10ffff)) || (point >= 0xd800 && point <= 0xdfff)) return undefined;
    if (point >= 0x10000) {
      point -= 0x10000;
      out.push(0xd800 + (point >> 10));
      out.push(0xdc00 + (point & 0x3ff));
    } else out.push(point);
    i += size;
  }
  return out.toString();
}

function utf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const out = new TextBuilder();
  for (let i = start; i + 1 < bytes.length; i += 2) out.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  return out.toString();
}

function cp1252(bytes: Uint8Array): string {
  const out = new TextBuilder();
  for (const b of bytes) out.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
  return out.toString();
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = utf8(bytes, 3);
    return text === undefined ? { text: cp1252(bytes.subarray(3)), encoding: 'Windows-1252' } : { text, encoding: 'UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes, 2, true), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes, 2, false), encoding: 'UTF-16BE' };
  const text = utf8(bytes, 0);
  return text === undefined ? { text: cp1252(bytes), encoding: 'Windows-1252' } : { text, encoding: 'UTF-8' };
}
