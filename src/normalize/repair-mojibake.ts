/**
 * Repairs mojibake: UTF-8 bytes that were decoded as windows-1252, so "é" reads "Ã©", "•" reads
 * "â€¢" and "’" reads "â€™". Node's TextDecoder('windows-1252') maps 0x80–0x9F to C1 controls
 * instead of "€", "‘", "’" and the other windows-1252 characters, so the byte table is built here.
 */

// windows-1252 characters for bytes 0x80–0x9F. The five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D)
// come through decoders as the C1 control of the same number, which the fallback below maps back.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const BYTE_BY_CHAR = buildByteTable();

// A UTF-8 lead byte (0xC2–0xF4, read as Â–ô) followed by the right number of continuation bytes
// (0x80–0xBF, read as the windows-1252 characters above or as U+00A0–U+00BF).
const CONTINUATION = `[${escapeForClass(CP1252_HIGH)}\\u00A0-\\u00BF]`;
const MOJIBAKE_SEQUENCE = new RegExp(
  `[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3}`,
  'g',
);
const HAS_LEAD_CHARACTER = /[\u00C2-\u00F4]/;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces each sequence that reads as UTF-8 misdecoded as windows-1252 with the character it stands
 * for. A sequence is replaced only when its bytes form valid UTF-8, so correct text such as "café",
 * "naïve – “quoted” £50" comes back unchanged. Text that was misdecoded twice is repaired in two passes.
 */
export function repairMojibake(text: string): string {
  let repaired = text;

  for (let pass = 0; pass < 2 && HAS_LEAD_CHARACTER.test(repaired); pass++) {
    const next = repaired.replace(MOJIBAKE_SEQUENCE, decodeSequence);
    if (next === repaired) break;
    repaired = next;
  }
  return repaired;
}

function decodeSequence(sequence: string): string {
  const bytes = new Uint8Array(sequence.length);

  for (let index = 0; index < sequence.length; index++) {
    const byte = BYTE_BY_CHAR.get(sequence.charAt(index));
    if (byte === undefined) return sequence;
    bytes[index] = byte;
  }

  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    // Not valid UTF-8, so these characters were meant as written.
    return sequence;
  }
}

function buildByteTable(): Map<string, number> {
  const table = new Map<string, number>();

  for (let byte = 0xa0; byte <= 0xff; byte++) table.set(String.fromCharCode(byte), byte);
  for (let offset = 0; offset < CP1252_HIGH.length; offset++) table.set(CP1252_HIGH.charAt(offset), 0x80 + offset);
  return table;
}

function escapeForClass(characters: string): string {
  return characters.replace(/[\\\]^-]/g, '\\$&');
}
