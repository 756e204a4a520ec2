/**
 * QuickXorHash, the only content hash OneDrive for Business and SharePoint give (`file.hashes.quickXorHash`):
 * each byte is XORed into a 160-bit register at a bit offset that advances 11 bits a byte (wrapping),
 * then the length (64-bit little-endian) is XORed into the last 8 bytes; the 20 bytes in base64.
 * https://learn.microsoft.com/onedrive/developer/code-snippets/quickxorhash
 */
const WIDTH_BITS = 160;
const SHIFT_BITS = 11;

export class QuickXorHash {
  // Bytes whose positions are equal modulo 160 land on the same offset: XOR them together first.
  private readonly folded = new Uint8Array(WIDTH_BITS);
  private length = 0;

  update(bytes: Uint8Array): this {
    let position = this.length % WIDTH_BITS;
    for (let index = 0; index < bytes.length; index += 1) {
      this.folded[position] = (this.folded[position] as number) ^ (bytes[index] as number);
      position = position === WIDTH_BITS - 1 ? 0 : position + 1;
    }
    this.length += bytes.length;
    return this;
  }

  /** The hash as OneDrive shows it (base64 of 20 bytes). */
  digest(): string {
    const words = new Uint32Array(WIDTH_BITS / 32);
    for (let position = 0; position < WIDTH_BITS; position += 1) {
      const byte = this.folded[position] as number;
      if (byte === 0) continue;
      const offset = (position * SHIFT_BITS) % WIDTH_BITS;
      const word = offset >>> 5;
      const bit = offset & 31;
      words[word] = (words[word] as number) ^ ((byte << bit) >>> 0);
      // The byte straddles two words (the last word wraps to the first).
      if (bit > 24) {
        const next = (word + 1) % words.length;
        words[next] = (words[next] as number) ^ (byte >>> (32 - bit));
      }
    }
    const out = new Uint8Array(WIDTH_BITS / 8);
    const view = new DataView(out.buffer);
    words.forEach((value, index) => view.setUint32(index * 4, value, true));
    const lengthBytes = new DataView(new ArrayBuffer(8));
    lengthBytes.setUint32(0, this.length % 2 ** 32, true);
    lengthBytes.setUint32(4, Math.floor(this.length / 2 ** 32), true);
    for (let index = 0; index < 8; index += 1)
      out[out.length - 8 + index] = (out[out.length - 8 + index] as number) ^ lengthBytes.getUint8(index);
    // btoa, not Buffer: the pane hashes what it sent in the browser as well.
    let binary = "";
    for (const byte of out) binary += String.fromCharCode(byte);
    return btoa(binary);
  }
}

export function quickXorHash(bytes: Uint8Array): string {
  return new QuickXorHash().update(bytes).digest();
}
