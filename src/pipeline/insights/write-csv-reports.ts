import path from 'node:path';

import type { ReportName } from './report-names.js';
import type { ReportTable, TableCell } from './report-tables.js';
import { writeReportFile } from './write-report-file.js';

/**
 * Writes one RFC 4180 CSV file per report into `dir` (created when missing), named
 * `<report>.csv`. A report with several tables gets a leading `table` column and the union of
 * the tables' columns, empty where a table has no such column. Returns the paths written.
 */
export async function writeCsvReports(dir: string, tables: readonly ReportTable[]): Promise<string[]> {
  const byReport = new Map<ReportName, ReportTable[]>();
  for (const table of tables) {
    byReport.set(table.report, [...(byReport.get(table.report) ?? []), table]);
  }

  const written: string[] = [];
  for (const [report, reportTables] of byReport) {
    const filePath = path.join(dir, `${report}.csv`);
    await writeReportFile(filePath, formatReportCsv(reportTables), '--csv');
    written.push(filePath);
  }
  return written;
}

/** Formats the tables of one report as CSV text, CRLF line ends as RFC 4180 asks. */
export function formatReportCsv(tables: readonly ReportTable[]): string {
  const [only] = tables;
  if (tables.length === 1 && only !== undefined) {
    return [only.head, ...only.rows].map(formatCsvLine).join('\r\n') + '\r\n';
  }

  const columns = [...new Set(tables.flatMap((table) => table.head))];
  const lines: TableCell[][] = [['table', ...columns]];
  for (const table of tables) {
    for (const row of table.rows) {
      lines.push([table.name, ...columns.map((column) => (table.head.includes(column) ? (row[table.head.indexOf(column)] ?? null) : null))]);
    }
  }
  return lines.map(formatCsvLine).join('\r\n') + '\r\n';
}

function formatCsvLine(cells: readonly TableCell[]): string {
  return cells.map(formatCsvCell).join(',');
}

function formatCsvCell(cell: TableCell): string {
  if (cell === null) {
    return '';
  }
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
