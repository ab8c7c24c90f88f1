/**
 * The TTY rendering of core progress: an ora spinner whose text shows the count, the total, the
 * rate per second and the ETA. Non-interactive runs get the silent reporter instead, and never
 * load ora.
 */
import type { Ora } from 'ora';

import { silentProgress, type ProgressReporter, type ProgressUpdate } from '../lib/progress.js';
import type { TerminalFeatures } from './terminal.js';

const RENDER_INTERVAL_MS = 200;

export async function createProgressDisplay(terminal: TerminalFeatures, isQuiet: boolean): Promise<ProgressReporter> {
  if (!terminal.isInteractive || isQuiet) {
    return silentProgress;
  }

  const { default: ora } = await import('ora');
  let spinner: Ora | null = null;
  let label = '';
  let startedAtMs = 0;
  let lastRenderMs = 0;

  return {
    start(nextLabel, total) {
      spinner?.stop();
      label = nextLabel;
      startedAtMs = Date.now();
      spinner = ora({ text: formatLine(label, { done: 0, total }, 0), stream: process.stderr }).start();
    },
    update(update) {
      const now = Date.now();
      if (!spinner || now - lastRenderMs < RENDER_INTERVAL_MS) {
        return;
      }
      lastRenderMs = now;
      spinner.text = formatLine(label, update, now - startedAtMs);
    },
    stop(finalLine) {
      if (!spinner) {
        return;
      }
      if (finalLine) {
        spinner.succeed(finalLine);
      } else {
        spinner.stop();
      }
      spinner = null;
    },
  };
}

/** Formats `label 1,200/102,170 (11%) 4,100/s ETA 24s rejected=3`; exported for tests. */
export function formatLine(label: string, update: ProgressUpdate, elapsedMs: number): string {
  const ratePerSecond = elapsedMs > 0 ? (update.done * 1000) / elapsedMs : 0;
  const parts = [label, update.total ? `${format(update.done)}/${format(update.total)} (${Math.floor((update.done / update.total) * 100)}%)` : format(update.done)];

  if (ratePerSecond > 0) {
    parts.push(`${format(Math.round(ratePerSecond))}/s`);
  }
  if (update.total && ratePerSecond > 0) {
    parts.push(`ETA ${Math.max(0, Math.round((update.total - update.done) / ratePerSecond))}s`);
  }
  for (const [name, value] of Object.entries(update.counts ?? {})) {
    parts.push(`${name}=${format(value)}`);
  }
  return parts.join(' ');
}

function format(value: number): string {
  return value.toLocaleString('en-US');
}
