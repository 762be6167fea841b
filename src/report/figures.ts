/**
 * Figures as SVG, rendered headless with Vega-Lite / Vega (no browser, no
 * canvas). Entries return them as artifacts; `mechcheck verify` writes them
 * under reports/figures/. Vega and Vega-Lite are loaded on the first figure,
 * not with the catalogue (they cost ~0.7 s of CPU to import, in every worker).
 */
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';

let libraries: Promise<[typeof VegaModule, typeof VegaLiteModule]> | undefined;

/** Render a Vega-Lite specification (JSON) to an SVG string. */
export async function renderVegaLite(spec: Record<string, unknown>): Promise<string> {
  const [vega, vegaLite] = await (libraries ??= Promise.all([import('vega'), import('vega-lite')]));
  const compiled = vegaLite.compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...spec,
  } as VegaLiteModule.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
