import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Compiles `dist/` once so that CLI tests run the same binary a user gets from `npm ci`.
 * tsc still emits when a file has type errors, so a type error elsewhere does not stop every
 * test; CI catches those with its own `npm run build` and `npm run typecheck` steps.
 */
export default function setup(): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    encoding: 'utf8',
  });

  if (result.status !== 0) {
    process.stderr.write(`warning: tsc reported errors; CLI tests run the JavaScript it emitted anyway\n${result.stdout}${result.stderr}`);
  }
}
