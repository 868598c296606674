/**
 * The few WebAssembly JS API types db.ts and fast-statement.ts use: TypeScript declares them
 * in lib.dom only, and @types/node 20 not at all (the main-process config has no DOM lib).
 */
declare namespace WebAssembly {
  class Memory {
    readonly buffer: ArrayBuffer;
  }
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  type Imports = Record<string, Record<string, unknown>>;
  function instantiate(bytes: ArrayBufferView | ArrayBuffer, imports?: Imports): Promise<{ instance: Instance; module: unknown }>;
}
