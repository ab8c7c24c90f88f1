/**
 * A growable byte buffer that COPY text is encoded into and that is reused batch after batch.
 * Encoding each chunk into a fresh Buffer would leave tens of MB of garbage ArrayBuffers behind
 * per batch, which V8 frees late, so peak memory would be set by the garbage and not the data.
 */

const INITIAL_BYTES = 1024 * 1024;

export class CopyTextBuffer {
  #bytes = Buffer.allocUnsafe(INITIAL_BYTES);

  #length = 0;

  /** Empties the buffer; views from `chunks()` become invalid once new text is appended. */
  reset(): void {
    this.#length = 0;
  }

  /** Appends text as UTF-8, growing the buffer when the text might not fit. */
  append(text: string): void {
    // UTF-8 never takes more than 3 bytes per UTF-16 code unit.
    const maxBytes = text.length * 3;
    if (this.#length + maxBytes > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#length + maxBytes));
      this.#bytes.copy(grown, 0, 0, this.#length);
      this.#bytes = grown;
    }
    this.#length += this.#bytes.write(text, this.#length, 'utf8');
  }

  get byteLength(): number {
    return this.#length;
  }

  /** Returns views of the filled bytes, each at most `chunkBytes` long; no bytes are copied. */
  chunks(chunkBytes: number): Buffer[] {
    const views: Buffer[] = [];
    for (let start = 0; start < this.#length; start += chunkBytes) {
      views.push(this.#bytes.subarray(start, Math.min(start + chunkBytes, this.#length)));
    }
    return views;
  }
}
