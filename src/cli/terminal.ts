/**
 * Decides whether colour and live progress may be shown: only on a TTY, never with NO_COLOR or
 * CI set, and never on a 0-column terminal (ora 9 loops forever there).
 */
import chalk from 'chalk';

export interface TerminalFeatures {
  isColor: boolean;
  isInteractive: boolean;
}

export function detectTerminal(env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stderr): TerminalFeatures {
  const isDisabledByEnv = env.NO_COLOR !== undefined || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false');
  const isTty = stream.isTTY === true;
  const hasColumns = (stream.columns ?? 0) > 0;
  return { isColor: isTty && !isDisabledByEnv, isInteractive: isTty && hasColumns && !isDisabledByEnv };
}

/** Applies the decision to chalk, which otherwise guesses from the environment on its own. */
export function applyColorChoice(features: TerminalFeatures): void {
  chalk.level = features.isColor ? 1 : 0;
}
