import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ensureFolderExists } from './ensure-folder-exists.js';

function tempFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'nextke-ensure-folder-'));
}

function errnoCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
  throw new Error('expected an errno error');
}

describe('ensureFolderExists', () => {
  it('creates every missing level', () => {
    const folder = path.join(tempFolder(), 'a', 'b', 'c');

    ensureFolderExists(folder);

    expect(statSync(folder).isDirectory()).toBe(true);
  });

  it('accepts an existing folder', () => {
    const folder = tempFolder();
    expect(() => ensureFolderExists(folder)).not.toThrow();
  });

  it('rejects a path that is a file', () => {
    const file = path.join(tempFolder(), 'file');
    writeFileSync(file, 'x');

    expect(errnoCode(() => ensureFolderExists(file))).toBe('EEXIST');
  });

  it('rejects a parent that is a file', () => {
    const file = path.join(tempFolder(), 'file');
    writeFileSync(file, 'x');

    expect(errnoCode(() => ensureFolderExists(path.join(file, 'sub', 'folder')))).toBe('ENOTDIR');
  });

  it.skipIf(!existsSync('/proc/self'))('fails at once under /proc', { timeout: 5_000 }, () => {
    expect(errnoCode(() => ensureFolderExists('/proc/nonexistent/x'))).toBe('ENOENT');
  });
});
