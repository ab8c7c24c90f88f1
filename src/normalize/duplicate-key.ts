/**
 * Keys for near-duplicate detection: MinHash signatures over word 5-shingles and the
 * locality-sensitive-hashing band keys derived from them. Two postings whose texts share
 * most shingles get equal keys in at least one band with high probability, so the dedupe
 * step only compares postings that share a band key. Everything is deterministic: the
 * same text gives the same signature in every process.
 */
import { MinhashKernel } from './minhash-kernel.js';

export interface MinhashOptions {
  /** Number of LSH bands; signature length is bands × rows. */
  bands: number;
  rows: number;
}

/**
 * 16 bands of 8 rows. Two texts of Jaccard similarity s share at least one band with probability
 * 1 − (1 − s⁸)¹⁶: about 0.95 at s = 0.8 and 0.6 at s = 0.7.
 */
export const DEFAULT_MINHASH_OPTIONS: MinhashOptions = { bands: 16, rows: 8 };

const SHINGLE_WORDS = 5;
const EMPTY_SLOT = 0xffffffff;
const SIGN_BIT = 0x80000000;

// Runs of characters other than Latin letters and digits, which become one space. Explicit ranges
// run several times faster than Unicode classes. A lone space is left unmatched because replacing
// it changes nothing: that halves the time on posting bodies (Node 20, gold postings).
const NON_WORD_RUN = /[^a-z0-9\u00DF-\u024F ][^a-z0-9\u00DF-\u024F]*| [^a-z0-9\u00DF-\u024F]+/g;

/** Lower-cases, drops punctuation and collapses whitespace, so formatting differences do not change shingles. */
export function normalizeForShingles(text: string): string {
  return normalizeLowerCaseForShingles(text.toLowerCase());
}

/** Like normalizeForShingles, for text the caller has already lower-cased. */
export function normalizeLowerCaseForShingles(lowerCaseText: string): string {
  return lowerCaseText.replace(NON_WORD_RUN, ' ').trim();
}

/** Computes a MinHash signature of `bands × rows` 32-bit values over the text's word 5-shingles. */
export function minhashSignature(text: string, options: MinhashOptions = DEFAULT_MINHASH_OPTIONS): Uint32Array {
  return minhashSignatureOfShingleText(normalizeForShingles(text), options);
}

/**
 * Like minhashSignature, for text already in the normalizeForShingles form (the normalizer keeps
 * it as `shingleText`), so a posting's text is folded once, not once per use. Signatures whose
 * size is a multiple of 4 are computed by the WebAssembly SIMD kernel, others by the scalar loop;
 * both give the same values.
 */
export function minhashSignatureOfShingleText(shingleText: string, options: MinhashOptions = DEFAULT_MINHASH_OPTIONS): Uint32Array {
  const size = options.bands * options.rows;
  if (size % 4 !== 0) return scalarMinhashSignatureOfShingleText(shingleText, options);

  const kernel = kernelFor(size);
  const count = writeMixedShingleHashes(shingleText, (maxCount) => kernel.hashesView(maxCount));
  return kernel.run(count);
}

/** Computes the signature with the scalar loop: the reference the SIMD kernel is tested against, and the path for sizes that are not a multiple of 4. */
export function scalarMinhashSignatureOfShingleText(shingleText: string, options: MinhashOptions = DEFAULT_MINHASH_OPTIONS): Uint32Array {
  const size = options.bands * options.rows;
  const { xorSeeds, multipliers } = slotPermutations(size);
  let hashes = new Uint32Array(0);
  const count = writeMixedShingleHashes(shingleText, (maxCount) => (hashes = new Uint32Array(maxCount)));

  // Slot by slot, so the slot's seed, multiplier and minimum stay in registers over the hashes.
  // The minimum is kept with its top bit flipped, as a signed 32-bit integer: signed order of the
  // flipped values equals unsigned order of the values, and V8 keeps int32 arithmetic unboxed.
  const signature = new Uint32Array(size);
  for (let slot = 0; slot < size; slot += 1) {
    const xorSeed = xorSeeds[slot]!;
    const multiplier = multipliers[slot]!;
    let flippedMinimum = EMPTY_SLOT ^ SIGN_BIT;
    for (let index = 0; index < count; index += 1) {
      const product = Math.imul(hashes[index]! ^ xorSeed, multiplier);
      const flipped = product ^ (product >>> 15) ^ SIGN_BIT;
      if (flipped < flippedMinimum) flippedMinimum = flipped;
    }
    signature[slot] = (flippedMinimum ^ SIGN_BIT) >>> 0;
  }
  return signature;
}

const kernels = new Map<number, MinhashKernel>();

function kernelFor(size: number): MinhashKernel {
  let kernel = kernels.get(size);
  if (kernel === undefined) {
    const { xorSeeds, multipliers } = slotPermutations(size);
    kernel = new MinhashKernel(xorSeeds, multipliers);
    kernels.set(size, kernel);
  }
  return kernel;
}

const permutationCache = new Map<number, { xorSeeds: Int32Array; multipliers: Int32Array }>();

/** Returns the per-slot permutation parameters as int32, with odd multipliers; built once per signature size. */
function slotPermutations(size: number): { xorSeeds: Int32Array; multipliers: Int32Array } {
  let permutations = permutationCache.get(size);
  if (permutations === undefined) {
    permutations = {
      xorSeeds: new Int32Array(seedsFor(size, 0x9e3779b9)),
      multipliers: new Int32Array(seedsFor(size, 0x7f4a7c15)).map((multiplier) => multiplier | 1),
    };
    permutationCache.set(size, permutations);
  }
  return permutations;
}

/** Returns one key per band: "band index:hash of the band's rows", for lookup in a key index. */
export function lshBandKeys(signature: Uint32Array, bands: number = DEFAULT_MINHASH_OPTIONS.bands): string[] {
  const rows = Math.floor(signature.length / bands);
  const keys: string[] = [];
  for (let band = 0; band < bands; band += 1) {
    let hash = 0x811c9dc5;
    for (let row = 0; row < rows; row += 1) hash = mix32((hash ^ signature[band * rows + row]!) >>> 0);
    keys.push(`${band}:${hash.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** Estimates the Jaccard similarity of two texts from their signatures: the share of equal slots. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const size = Math.min(a.length, b.length);
  if (size === 0) return 0;

  let equal = 0;
  for (let slot = 0; slot < size; slot += 1) if (a[slot] === b[slot]) equal += 1;
  return equal / size;
}

// Scratch arrays reused from posting to posting, grown on demand: the text's UTF-16 code units and
// the offsets where its words start. Reading code units from a typed array takes about half the
// time of charCodeAt on the sliced strings that replace() and trim() return (measured on Node 20).
let codeUnits = new Uint16Array(16 * 1024);
let wordStarts = new Int32Array(4 * 1024);

/**
 * Hashes every run of SHINGLE_WORDS consecutive words with 32-bit FNV-1a. Each hash, mixed, goes
 * to the array that `reserve` returns for the largest possible count; returns the count written.
 * The normalized text has single spaces between words, so each shingle is a substring and is
 * hashed in place, with the same value as hashing the joined words. A shingle that occurs twice
 * is written twice, which leaves every minimum unchanged.
 */
function writeMixedShingleHashes(normalized: string, reserve: (maxCount: number) => Uint32Array): number {
  const length = normalized.length;
  if (length === 0) return 0;

  if (codeUnits.length < length) codeUnits = new Uint16Array(length * 2);
  // A text of n code units has at most n / 2 + 1 words, plus one sentinel.
  if (wordStarts.length < length / 2 + 2) wordStarts = new Int32Array(length + 2);

  // wordStarts[i] is the offset of word i; a sentinel one past the end closes the last word.
  let wordCount = 1;
  wordStarts[0] = 0;
  for (let index = 0; index < length; index += 1) {
    const code = normalized.charCodeAt(index);
    codeUnits[index] = code;
    if (code === 32) wordStarts[wordCount++] = index + 1;
  }
  wordStarts[wordCount] = length + 1;

  // A text shorter than one shingle is its own single shingle.
  const last = Math.max(0, wordCount - SHINGLE_WORDS);
  const hashes = reserve(last + 1);
  for (let start = 0; start <= last; start += 1) {
    const end = wordStarts[Math.min(start + SHINGLE_WORDS, wordCount)]! - 1;
    let hash = 0x811c9dc5;
    for (let index = wordStarts[start]!; index < end; index += 1) {
      hash ^= codeUnits[index]!;
      hash = Math.imul(hash, 0x01000193);
    }
    hashes[start] = mix32(hash >>> 0);
  }
  return last + 1;
}

/** MurmurHash3's 32-bit finalizer: spreads every input bit over the output. */
function mix32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const seedCache = new Map<string, Uint32Array>();

/** Fixed per-slot seeds from a mulberry32 sequence, so signatures are stable across runs. */
function seedsFor(size: number, start: number): Uint32Array {
  const cacheKey = `${size}:${start}`;
  const cached = seedCache.get(cacheKey);
  if (cached !== undefined) return cached;

  const seeds = new Uint32Array(size);
  let state = start;
  for (let slot = 0; slot < size; slot += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    seeds[slot] = (value ^ (value >>> 14)) >>> 0;
  }
  seedCache.set(cacheKey, seeds);
  return seeds;
}
