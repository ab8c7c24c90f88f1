/**
 * The inner loop of MinHash in WebAssembly SIMD. For every slot it keeps the minimum, over all
 * shingle hashes h, of the permuted value p ^ (p >>> 15) where p = (h ^ seed) * multiplier
 * (32-bit wrapping, unsigned comparison), four slots per instruction. This is the same
 * arithmetic as the scalar loop in duplicate-key.ts, so signatures are identical. On Node 20 a
 * 128-slot signature of a 400-word posting, shingle hashing included, takes about 0.3 of the
 * scalar version's CPU time (bench/minhash.bench.ts).
 *
 * The module is assembled here from named opcodes, not loaded from a binary file, so that the
 * code that runs is the code that is read. Node enables WebAssembly SIMD by default; the kernel
 * is tested on Node 20.20.
 */

// Byte codes from the WebAssembly core specification 2.0 and its fixed-width SIMD proposal.
const I32 = 0x7f;
const V128 = 0x7b;
const OP = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Shl: 0x74,
  emptyBlockType: 0x40,
} as const;
const SIMD_PREFIX = 0xfd;
const SIMD = {
  v128Load: 0x00,
  v128Load32Splat: 0x09,
  v128Store: 0x0b,
  v128Const: 0x0c,
  v128Xor: 0x51,
  i32x4ShrU: 0xad,
  i32x4Mul: 0xb5,
  i32x4MinU: 0xb7,
} as const;

// Locals of the kernel: its six parameters, then four i32 and four v128 locals.
const HASHES = 0;
const COUNT = 1;
const SEEDS = 2;
const MULTIPLIERS = 3;
const MINIMUMS = 4;
const GROUPS = 5;
const GROUP = 6;
const CURSOR = 7;
const HASHES_END = 8;
const GROUP_OFFSET = 9;
const GROUP_SEEDS = 10;
const GROUP_MULTIPLIERS = 11;
const GROUP_MINIMUMS = 12;
const PRODUCT = 13;

/** Unsigned LEB128, the encoding of every count, index and size in the binary format. */
function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return bytes;
}

function simd(opcode: number, ...immediates: number[]): number[] {
  return [SIMD_PREFIX, ...unsignedLeb(opcode), ...immediates];
}

/** Encodes a memory argument: log2 of the alignment, then a zero offset. */
function memory(alignLog2: number): number[] {
  return [alignLog2, 0];
}

function get(local: number): number[] {
  return [OP.localGet, local];
}

function set(local: number): number[] {
  return [OP.localSet, local];
}

/** Encodes `i32.const` for 0 to 63 only, the values that fit in one signed LEB128 byte. */
function i32Const(value: number): number[] {
  if (value < 0 || value > 63) throw new RangeError(`i32Const takes 0 to 63, got ${value}`);
  return [OP.i32Const, value];
}

/**
 * minimums(hashes, count, seeds, multipliers, minimums, groups): for each group of four slots,
 * reads the group's seeds and multipliers, folds every hash of hashes[0..count) into the four
 * minimums, and stores them. All pointers are byte offsets into the imported memory.
 */
function kernelBody(): number[] {
  const shingleLoop = [
    OP.block, OP.emptyBlockType,
    OP.loop, OP.emptyBlockType,
    ...get(CURSOR), ...get(HASHES_END), OP.i32GeU, OP.brIf, 1,
    // product = (splat(hash) ^ seeds) * multipliers
    ...get(CURSOR), ...simd(SIMD.v128Load32Splat, ...memory(2)),
    ...get(GROUP_SEEDS), ...simd(SIMD.v128Xor),
    ...get(GROUP_MULTIPLIERS), ...simd(SIMD.i32x4Mul),
    OP.localTee, PRODUCT,
    // minimums = min_u(minimums, product ^ (product >>> 15))
    ...get(PRODUCT), ...i32Const(15), ...simd(SIMD.i32x4ShrU),
    ...simd(SIMD.v128Xor),
    ...get(GROUP_MINIMUMS), ...simd(SIMD.i32x4MinU),
    ...set(GROUP_MINIMUMS),
    ...get(CURSOR), ...i32Const(4), OP.i32Add, ...set(CURSOR),
    OP.br, 0,
    OP.end,
    OP.end,
  ];

  const groupLoop = [
    OP.block, OP.emptyBlockType,
    OP.loop, OP.emptyBlockType,
    ...get(GROUP), ...get(GROUPS), OP.i32GeU, OP.brIf, 1,
    ...get(GROUP), ...i32Const(4), OP.i32Shl, ...set(GROUP_OFFSET),
    ...get(SEEDS), ...get(GROUP_OFFSET), OP.i32Add, ...simd(SIMD.v128Load, ...memory(4)), ...set(GROUP_SEEDS),
    ...get(MULTIPLIERS), ...get(GROUP_OFFSET), OP.i32Add, ...simd(SIMD.v128Load, ...memory(4)), ...set(GROUP_MULTIPLIERS),
    // An empty slot is 0xffffffff, above every permuted value.
    ...simd(SIMD.v128Const, ...new Array<number>(16).fill(0xff)), ...set(GROUP_MINIMUMS),
    ...get(HASHES), ...set(CURSOR),
    ...shingleLoop,
    ...get(MINIMUMS), ...get(GROUP_OFFSET), OP.i32Add, ...get(GROUP_MINIMUMS), ...simd(SIMD.v128Store, ...memory(4)),
    ...get(GROUP), ...i32Const(1), OP.i32Add, ...set(GROUP),
    OP.br, 0,
    OP.end,
    OP.end,
  ];

  const locals = [2, 4, I32, 4, V128];
  const setUp = [...get(HASHES), ...get(COUNT), ...i32Const(2), OP.i32Shl, OP.i32Add, ...set(HASHES_END)];
  return [...locals, ...setUp, ...groupLoop, OP.end];
}

function section(id: number, contents: number[]): number[] {
  return [id, ...unsignedLeb(contents.length), ...contents];
}

function name(text: string): number[] {
  return [...unsignedLeb(text.length), ...Buffer.from(text, 'ascii')];
}

/** Assembles the module: one function type, an imported memory, the kernel, exported as `minimums`. */
export function assembleMinhashModule(): Uint8Array {
  const body = kernelBody();
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 6, I32, I32, I32, I32, I32, I32, 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('minimums'), 0x00, 0]),
    ...section(10, [1, ...unsignedLeb(body.length), ...body]),
  ]);
}

const PAGE_BYTES = 64 * 1024;

/** The exported kernel; every argument is a byte offset into the kernel's memory except `count` and `groups`. */
type KernelFunction = (hashes: number, count: number, seeds: number, multipliers: number, minimums: number, groups: number) => void;

/**
 * One kernel for signatures of a fixed size (a multiple of 4), with its own memory: the seeds,
 * the multipliers and the minimums first, then room for the shingle hashes, grown on demand.
 */
export class MinhashKernel {
  readonly #memory = new WebAssembly.Memory({ initial: 1 });

  readonly #run: KernelFunction;

  readonly #size: number;

  readonly #hashesOffset: number;

  #hashes: Uint32Array;

  constructor(xorSeeds: Int32Array, multipliers: Int32Array) {
    if (xorSeeds.length % 4 !== 0 || xorSeeds.length !== multipliers.length) {
      throw new RangeError(`the MinHash kernel needs a multiple of 4 slots, got ${xorSeeds.length}`);
    }
    this.#size = xorSeeds.length;
    this.#hashesOffset = 3 * this.#size * 4;

    const instance = new WebAssembly.Instance(compiledModule(), { env: { memory: this.#memory } });
    this.#run = instance.exports.minimums as KernelFunction;
    this.#ensureBytes(this.#hashesOffset);
    new Int32Array(this.#memory.buffer, 0, this.#size).set(xorSeeds);
    new Int32Array(this.#memory.buffer, this.#size * 4, this.#size).set(multipliers);
    this.#hashes = new Uint32Array(this.#memory.buffer, this.#hashesOffset);
  }

  /** Returns a view with room for at least `count` hashes; valid until the next call. */
  hashesView(count: number): Uint32Array {
    if (count > this.#hashes.length) {
      this.#ensureBytes(this.#hashesOffset + count * 4);
      this.#hashes = new Uint32Array(this.#memory.buffer, this.#hashesOffset);
    }
    return this.#hashes;
  }

  /** Computes the signature of the first `count` hashes written to `hashesView`. */
  run(count: number): Uint32Array {
    const minimumsOffset = 2 * this.#size * 4;
    this.#run(this.#hashesOffset, count, 0, this.#size * 4, minimumsOffset, this.#size / 4);
    return new Uint32Array(this.#memory.buffer, minimumsOffset, this.#size).slice();
  }

  #ensureBytes(bytes: number): void {
    const missing = bytes - this.#memory.buffer.byteLength;
    if (missing > 0) this.#memory.grow(Math.ceil(missing / PAGE_BYTES));
  }
}

let compiled: WebAssembly.Module | undefined;

/** Compiles the module once per thread: its 218 bytes compile in about 0.15 ms (Node 20). */
function compiledModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(assembleMinhashModule());
  return compiled;
}
