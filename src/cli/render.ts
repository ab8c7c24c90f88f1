/**
 * Writes command results to stdout: JSON for `--json`, otherwise cli-table3 tables and
 * key-value blocks. Logs and progress never come through here.
 */
import chalk from 'chalk';
import Table from 'cli-table3';

export type Cell = string | number | boolean | null | undefined;

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, jsonReplacer, 2) + '\n');
}

export function printTable(head: readonly string[], rows: readonly (readonly Cell[])[], title?: string): void {
  if (title) {
    printHeading(title);
  }

  const table = new Table({
    head: head.map((cell) => chalk.bold(cell)),
    style: { head: [], border: [] },
    // No rule between body rows: long tables stay readable and half as tall.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) {
    table.push(row.map(formatCell));
  }
  process.stdout.write(table.toString() + '\n');
}

export function printKeyValues(entries: ReadonlyArray<readonly [string, Cell]>, title?: string): void {
  if (title) {
    printHeading(title);
  }

  const width = Math.max(...entries.map(([key]) => key.length));
  for (const [key, value] of entries) {
    process.stdout.write(`${chalk.dim(key.padEnd(width))}  ${formatCell(value)}\n`);
  }
}

export function printHeading(title: string): void {
  process.stdout.write(`\n${chalk.bold(title)}\n`);
}

export function printLine(text: string): void {
  process.stdout.write(text + '\n');
}

export function formatCell(value: Cell): string {
  if (value === null || value === undefined) {
    return '-';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  return String(value);
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
