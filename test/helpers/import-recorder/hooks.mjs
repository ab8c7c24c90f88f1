// Module hooks that write every resolved import URL to stderr, one `import: URL` line each, so a
// test can check which packages a command loads. Node 20 calls `resolve` for each `import`,
// including an import of a CommonJS package, but not for `require` calls inside that package.
import { writeSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  writeSync(2, `import: ${resolved.url}\n`);
  return resolved;
}
