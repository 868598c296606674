/**
 * A zip entry deflated as its text arrives, so a large sheet is held only compressed.
 * Uses zlib's raw deflate stream; CRC-32 and size are counted on the way.
 */
import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import type { DeflatedZipEntry } from '../demo/deflate-zip.ts';

export class DeflatingEntry {
  readonly #name: string;
  readonly #deflate = createDeflateRaw();
  readonly #compressed: Buffer[] = [];
  readonly #ended: Promise<void>;
  #crc = 0;
  #size = 0;

  constructor(name: string) {
    this.#name = name;
    this.#deflate.on('data', (piece: Buffer) => this.#compressed.push(piece));
    this.#ended = once(this.#deflate, 'end').then(() => undefined);
    // A failure surfaces through write/close; keep an unobserved rejection from crashing the process.
    this.#ended.catch(() => undefined);
  }

  async write(text: string): Promise<void> {
    if (text === '') return;
    const bytes = Buffer.from(text, 'utf8');
    this.#crc = crc32(bytes, this.#crc);
    this.#size += bytes.length;
    if (!this.#deflate.write(bytes)) await once(this.#deflate, 'drain');
  }

  async close(): Promise<DeflatedZipEntry> {
    this.#deflate.end();
    await this.#ended;
    return { name: this.#name, crc: this.#crc, size: this.#size, compressed: this.#compressed };
  }

  /** Frees the stream after a failure or cancellation. */
  destroy(): void {
    this.#deflate.destroy();
  }
}

/** A small entry deflated at once. */
export function deflatedEntry(name: string, text: string): DeflatedZipEntry {
  const bytes = Buffer.from(text, 'utf8');
  return { name, crc: crc32(bytes), size: bytes.length, compressed: [deflateRawSync(bytes)] };
}
