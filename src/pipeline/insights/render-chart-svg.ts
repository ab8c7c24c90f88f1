import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Compiles a Vega-Lite spec to Vega and renders it to an SVG string with Vega's headless view
 * (no browser, no canvas). Text widths are estimated, because no canvas package is installed.
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
