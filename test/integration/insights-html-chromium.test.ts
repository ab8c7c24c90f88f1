import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { expect, it } from 'vitest';

import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/lib/log.js';
import { silentProgress } from '../../src/lib/progress.js';
import { REPORT_NAMES } from '../../src/pipeline/insights/report-names.js';
import { runInsights } from '../../src/pipeline/insights/run-insights.js';
import { createTestStore } from '../helpers/test-store.js';
import { insertInsightsFixture } from './insights-fixture.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const runFile = promisify(execFile);

// Loads the HTML report in headless Chromium, with networking off, and reads the DOM the browser
// built: each chart must be an <svg> whose Vega marks (bars, lines, points) made it into the page.
// Skipped where Debian's chromium package is not installed (/usr/bin/chromium absent).
it.skipIf(!existsSync(CHROMIUM_PATH))('html report charts render in headless chromium', async () => {
  const testStore = await createTestStore('embedded');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nextke-chromium-'));
  try {
    await insertInsightsFixture(testStore.store.db);
    const ctx = { config: loadConfig({ env: {} }), store: testStore.store, log: silentLogger, progress: silentProgress, signal: new AbortController().signal };
    const report = await runInsights(ctx, { reports: REPORT_NAMES, filter: {}, htmlPath: path.join(dir, 'report.html') });

    const { stdout: dom } = await runFile(
      CHROMIUM_PATH,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        '--dump-dom',
        `file://${report.details.files.html}`,
      ],
      { timeout: 60_000, maxBuffer: 20_000_000 },
    );

    const charts = [...dom.matchAll(/<figure class="chart" data-chart="([\w-]+)">([\s\S]*?)<\/figure>/g)];
    expect(charts.map((match) => match[1])).toEqual(['demand-by-family', 'demand-by-county', 'weekly-trend', 'salary-by-family']);
    for (const [, name, figure] of charts) {
      expect(figure, name).toContain('<svg');
      expect(figure!.match(/<path|<line|<rect/g)?.length ?? 0, name).toBeGreaterThan(3);
    }
    expect(dom).toContain('mark-rect role-mark');
    expect(dom).toContain('mark-line role-mark');
    expect(dom).toContain('id="methodology"');
  } finally {
    await testStore.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
