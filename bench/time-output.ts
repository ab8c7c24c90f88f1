/** Parsers for the report that GNU time (`/usr/bin/time -v`) writes to stderr after a command. */

/** Returns the wall-clock seconds of the "Elapsed (wall clock) time" line. Throws when it is missing. */
export function parseElapsedSeconds(timeOutput: string): number {
  const match = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(timeOutput);
  if (!match) {
    throw new Error(`no wall clock time in /usr/bin/time output:\n${timeOutput.slice(-1000)}`);
  }
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** Returns the peak resident set size in MB (2^20 bytes). Throws when it is missing. */
export function parsePeakRssMb(timeOutput: string): number {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput);
  if (!match) {
    throw new Error(`no peak RSS in /usr/bin/time output:\n${timeOutput.slice(-1000)}`);
  }
  return Number(match[1]) / 1024;
}

/** Returns user plus system CPU seconds (worker threads included) from `/usr/bin/time -v` output. */
export function parseCpuSeconds(timeOutput: string): number {
  const user = /User time \(seconds\): ([\d.]+)/.exec(timeOutput);
  const system = /System time \(seconds\): ([\d.]+)/.exec(timeOutput);
  if (!user || !system) {
    throw new Error(`no user or system time in /usr/bin/time output:\n${timeOutput.slice(-1000)}`);
  }
  return Number(user[1]) + Number(system[1]);
}
