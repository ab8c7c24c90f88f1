/**
 * Renders the insights as one self-contained HTML page: inline CSS, charts as inline SVG, the
 * report tables, and a methodology footer. The page references no external URL, so it reads the
 * same offline and from an e-mail attachment.
 */
import { buildChartSpecs } from './build-chart-specs.js';
import { renderChartSvg } from './render-chart-svg.js';
import { REPORT_NAMES, REPORT_TITLES } from './report-names.js';
import type { ReportTable, TableCell } from './report-tables.js';
import { MIN_SALARY_SAMPLE } from './summarize-salary-insights.js';
import type { InsightsData } from './summarize-insights.js';

export interface RenderedHtmlReport {
  html: string;
  chartCount: number;
}

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 1000px; color: #1f2933; padding: 0 1rem; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #d9e2ec; padding-bottom: 0.3rem; margin-top: 2.5rem; }
.lead { color: #52606d; margin-top: 0; }
figure { margin: 1.5rem 0; } figcaption { font-weight: 600; margin-bottom: 0.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #d9e2ec; padding: 0.25rem 0.6rem; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f0f4f8; }
.table-wrap { overflow: auto; max-height: 28rem; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 2px solid #d9e2ec; color: #52606d; font-size: 0.9rem; }
`;

/** Renders the page for `data` and its tables; charts are rendered here, one Vega view at a time. */
export async function renderHtmlReport(data: InsightsData, tables: readonly ReportTable[]): Promise<RenderedHtmlReport> {
  const charts = buildChartSpecs(data);
  const figures: string[] = [];
  for (const chart of charts) {
    const svg = await renderChartSvg(chart.spec);
    figures.push(`<figure class="chart" data-chart="${chart.name}"><figcaption>${escapeHtml(chart.title)}</figcaption>${svg}</figure>`);
  }

  const sections = REPORT_NAMES.filter((name) => data.reports[name] !== undefined).map((name) => {
    const reportTables = tables.filter((table) => table.report === name).map(renderTable);
    return `<section id="${name}"><h2>${REPORT_TITLES[name]}</h2>${reportTables.join('\n')}</section>`;
  });

  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Kenyan job market insights</title><style>${STYLE}</style></head><body>`,
    '<header><h1>Kenyan job market insights</h1>',
    `<p class="lead">${escapeHtml(describeScope(data))}</p></header>`,
    figures.length > 0 ? `<section id="charts"><h2>Charts</h2>${figures.join('\n')}</section>` : '',
    ...sections,
    renderMethodology(data),
    '</body></html>',
  ].join('\n');
  return { html, chartCount: figures.length };
}

function describeScope(data: InsightsData): string {
  const { first, last } = data.postingDates;
  const period = first === null ? 'no postings in the selected period' : `postings dated ${first} to ${last}`;
  const filters = [
    data.filter.since === undefined ? null : `since ${data.filter.since}`,
    data.filter.until === undefined ? null : `until ${data.filter.until}`,
    data.filter.family === undefined ? null : `family ${data.filter.family}`,
    data.filter.county === undefined ? null : `county ${data.filter.county}`,
  ].filter((part) => part !== null);
  const filterText = filters.length === 0 ? 'no filters' : `filters: ${filters.join(', ')}`;
  return `${data.uniquePostings.toLocaleString('en-US')} unique postings, ${period} (${filterText}).`;
}

function renderTable(table: ReportTable): string {
  const head = table.head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${row.map(renderCell).join('')}</tr>`).join('\n');
  const body = table.rows.length === 0 ? `<tr><td colspan="${table.head.length}">no data</td></tr>` : rows;
  return `<h3>${escapeHtml(table.title)}</h3><div class="table-wrap"><table data-table="${table.name}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function renderCell(cell: TableCell): string {
  if (typeof cell === 'number') {
    return `<td class="number">${cell.toLocaleString('en-US', { maximumFractionDigits: 1 })}</td>`;
  }
  return `<td>${cell === null ? '–' : escapeHtml(cell)}</td>`;
}

function renderMethodology(data: InsightsData): string {
  const overview = data.reports.overview?.totals;
  const counts =
    overview === undefined
      ? `${data.uniquePostings.toLocaleString('en-US')} unique postings.`
      : `${overview.processed.toLocaleString('en-US')} processed postings: ${overview.unique.toLocaleString('en-US')} unique, ` +
        `${overview.duplicates.toLocaleString('en-US')} duplicates removed, ${overview.rejected.toLocaleString('en-US')} rejected as not being job adverts.`;

  const items = [
    `<li><strong>Period.</strong> ${escapeHtml(describeScope(data))} A posting counts on the date the board gives, else on the day nextke first saw it (UTC). Weeks start on Monday. Change figures compare the reporting period with the period of equal length just before it.</li>`,
    `<li><strong>Counts.</strong> ${escapeHtml(counts)}</li>`,
    '<li><strong>Duplicates.</strong> Copies of one advert (same organization, same normalized title, near-identical description) are counted once, under the earliest copy. Pages that are not job adverts (category pages, tenders, expired notices) are left out of every figure except the overview counts.</li>',
    `<li><strong>Salaries.</strong> Only salaries the advert discloses are used, converted to a monthly amount in Kenya shillings (the midpoint of a range). Percentiles are interpolated (PostgreSQL percentile_cont). Groups with fewer than ${MIN_SALARY_SAMPLE} disclosed salaries are not shown.</li>`,
    `<li><strong>Generated</strong> ${escapeHtml(data.generatedAt)} by nextke; every figure was aggregated in SQL from the postings database.</li>`,
  ];
  return `<footer id="methodology"><h2>Methodology</h2><ul>${items.join('\n')}</ul></footer>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
