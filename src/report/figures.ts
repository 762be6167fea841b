/**
 * Figures as SVG, rendered headless with Vega-Lite / Vega (no browser, no
 * canvas). Entries return them as artifacts; `mechcheck verify` writes them
 * under reports/figures/.
 */
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

/** Render a Vega-Lite specification (JSON) to an SVG string. */
export async function renderVegaLite(spec: Record<string, unknown>): Promise<string> {
  const compiled = vegaLite.compile({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', ...spec } as vegaLite.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
