// Apps Script represents binary data as Java bytes: arrays of numbers from -128 to 127.

export function toJavaBytes(data: Uint8Array): number[] {
  return Array.from(new Int8Array(data.buffer, data.byteOffset, data.byteLength));
}

export function fromJavaBytes(bytes: readonly number[]): Uint8Array {
  return Uint8Array.from(bytes, (b) => b & 0xff);
}

/** Strings are encoded as UTF-8 (Apps Script's default charset); byte arrays are taken as they are. */
export function toBytes(data: string | readonly number[] | Uint8Array): Uint8Array {
  if (typeof data === 'string') return new Uint8Array(Buffer.from(data, 'utf8'));
  if (data instanceof Uint8Array) return data;
  return fromJavaBytes(data);
}

export function decodeText(data: Uint8Array, charset = 'UTF-8'): string {
  const encoding = /^(us-ascii|ascii)$/i.test(charset) ? 'ascii' : /^iso-8859-1|latin1$/i.test(charset) ? 'latin1' : 'utf8';
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString(encoding);
}
