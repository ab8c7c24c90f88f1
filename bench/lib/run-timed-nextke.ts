import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseCpuSeconds, parseElapsedSeconds, parsePeakRssMb } from '../time-output.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TIME_BIN = '/usr/bin/time';
const BIN = path.join(ROOT, 'bin/nextke.js');

export interface TimedNextkeRun {
  seconds: number;
  /** User plus system time of the nextke process, worker threads included. */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
}

/** Runs the compiled CLI quietly under `/usr/bin/time -v` with DATABASE_URL set; rejects with the stderr tail when it exits non-zero. */
export function runTimedNextke(args: readonly string[], databaseUrl: string): Promise<TimedNextkeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TIME_BIN, ['-v', process.execPath, BIN, '--quiet', ...args], {
      env: { ...process.env, NO_COLOR: '1', DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`nextke ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ seconds: parseElapsedSeconds(stderr), cpuSeconds: parseCpuSeconds(stderr), peakRssMb: parsePeakRssMb(stderr), stdout });
    });
  });
}
