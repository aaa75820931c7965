import * as z from '../../engine/zod';

/** How a value is kept as the text Apps Script's properties and caches hold. */
export interface Codec<T> {
  /** The value, or null when the text is not one (an older or damaged entry reads as absent). */
  decode(text: string): T | null;
  encode(value: T): string;
}

/** Text checked against a schema. */
export const text = <T extends string>(schema: z.core.$ZodType<T, string>): Codec<T> => ({
  decode: (raw) => {
    const parsed = z.safeParse(schema, raw);
    return parsed.success ? parsed.data : null;
  },
  encode: (value) => value,
});

/** JSON checked against a schema. */
export const json = <T>(schema: z.core.$ZodType<T>): Codec<T> => ({
  decode: (raw) => {
    try {
      const parsed = z.safeParse(schema, JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  },
  encode: (value) => JSON.stringify(value),
});

/** "true" or "false". */
export const flag: Codec<boolean> = {
  decode: (raw) => (raw === 'true' ? true : raw === 'false' ? false : null),
  encode: String,
};

/** A whole number written in decimal. */
export const count: Codec<number> = {
  decode: (raw) => (/^\d+$/.test(raw) ? Number(raw) : null),
  encode: String,
};

/** Numbers separated by commas: shorter than JSON where the 9 KB of a property count. */
export const numbers: Codec<number[]> = {
  decode: (raw) => {
    const list = raw.split(',').map(Number);
    return raw !== '' && list.every(Number.isFinite) ? list : null;
  },
  encode: (value) => value.join(','),
};

/** Times as offsets from the first, to keep 600 of them under 9 KB. */
export const times: Codec<number[]> = {
  decode: (raw) => {
    const [base = 0, ...offsets] = numbers.decode(raw) ?? [];
    return offsets.map((o) => base + o);
  },
  encode: (value) => {
    const base = value[0] ?? 0;
    return numbers.encode([base, ...value.map((t) => t - base)]);
  },
};
