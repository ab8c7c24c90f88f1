/**
 * Remembers which variables of a merged environment a `.env` file supplied, so that an error
 * about a bad value, raised in any layer, can name the file to fix.
 */

interface DotEnvOrigin {
  filePath: string;
  names: ReadonlySet<string>;
}

// Keyed by the merged environment object. Stages receive that same object as `config.env`, so
// they can name the source without an extra parameter.
const dotEnvOrigins = new WeakMap<object, DotEnvOrigin>();

/** Records that the `.env` file at `filePath` supplied `names` in the merged environment `env`. */
export function recordDotEnvNames(env: object, filePath: string, names: readonly string[]): void {
  if (names.length > 0) {
    dotEnvOrigins.set(env, { filePath, names: new Set(names) });
  }
}

/** Returns the path of the `.env` file that supplied `name` in `env`, or undefined when it came from elsewhere. */
export function findDotEnvFile(env: object, name: string): string | undefined {
  const origin = dotEnvOrigins.get(env);
  return origin?.names.has(name) ? origin.filePath : undefined;
}

/** Returns `NAME`, or `NAME in .env file PATH` when that file supplied the value, for error messages. */
export function describeEnvSource(env: object, name: string): string {
  const filePath = findDotEnvFile(env, name);
  return filePath === undefined ? name : `${name} in .env file ${filePath}`;
}
