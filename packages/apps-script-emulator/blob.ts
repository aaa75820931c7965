import type { ApiSubset } from './api-types';
import { decodeText, toBytes, toJavaBytes, fromJavaBytes } from './bytes';
import { instrument, type Runtime } from './runtime';

type BlobMethods =
  'copyBlob' | 'getBlob' | 'getBytes' | 'getContentType' | 'getDataAsString' | 'getName' | 'isGoogleType' | 'setBytes' | 'setContentType' | 'setDataFromString' | 'setName';

export class EmulatedBlob implements ApiSubset<GoogleAppsScript.Base.Blob, BlobMethods> {
  constructor(
    readonly rt: Runtime,
    public data: Uint8Array,
    public contentType: string | null = null,
    public name: string | null = null,
  ) {}

  getBytes(): number[] {
    return toJavaBytes(this.data);
  }

  setBytes(data: number[]): EmulatedBlob {
    this.data = fromJavaBytes(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    return decodeText(this.data, charset);
  }

  setDataFromString(text: string, charset?: string): EmulatedBlob {
    this.data = /^(us-ascii|ascii)$/i.test(charset ?? '') ? new Uint8Array(Buffer.from(text, 'ascii')) : toBytes(text);
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): EmulatedBlob {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): EmulatedBlob {
    this.name = name;
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }

  /** A Blob is its own BlobSource. */
  getBlob(): EmulatedBlob {
    return this;
  }

  copyBlob(): EmulatedBlob {
    return new EmulatedBlob(this.rt, this.data.slice(), this.contentType, this.name);
  }
}
instrument(EmulatedBlob, 'Blob');
