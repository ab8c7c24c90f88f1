/**
 * The part of the WebAssembly JavaScript API that nextke uses. Node has had the API since
 * version 8, but @types/node declares it only from version 22 on, and the DOM library that
 * also declares it would admit browser globals that Node lacks.
 * NOTE: delete this file when @types/node is raised to 22 or later, whose declarations clash with it.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }

  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    /** Adds `pages` pages of 64 KiB; the old `buffer` is detached. */
    grow(pages: number): number;
  }

  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
