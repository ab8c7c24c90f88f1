/**
 * Runs the compiled `nextke` binary as a subprocess, as a user would, and captures the exit
 * code, stdout and stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN_PATH = path.join(REPO_ROOT, 'bin/nextke.js');
export const SHARED_DATA_DIR = path.resolve(REPO_ROOT, '../shared/data');

export interface CliResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs?: number;
  input?: string;
}

/** The environment a CLI test starts from: no server configured, no colour, no CI markers. */
export function baseCliEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(DATABASE_URL|POSTGRES_|NEXTKE_|TEST_DATABASE_URL|JOB_RPM|WORKFLOW_)/.test(key)) {
      env[key] = value;
    }
  }
  env.NO_COLOR = '1';
  return env;
}

export function startCli(args: readonly string[], options: RunCliOptions = {}): ChildProcess {
  const env = { ...baseCliEnv(), ...options.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) {
      delete env[key];
    }
  }
  return spawn(process.execPath, [BIN_PATH, ...args], { cwd: options.cwd ?? REPO_ROOT, env: env as NodeJS.ProcessEnv, stdio: 'pipe' });
}

export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  const child = startCli(args, options);
  return collectCliResult(child, options);
}

export function collectCliResult(child: ChildProcess, options: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nextke timed out after ${options.timeoutMs ?? 120_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 120_000);

    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout, stderr });
    });

    if (options.input !== undefined) {
      child.stdin?.end(options.input);
    } else {
      child.stdin?.end();
    }
  });
}
