/**
 * Figures 1-5 of seed 002_db415cb54f560522.txt, section 5 ("Numerical
 * simulations"), as Vega-Lite specifications (the catalogue's example
 * entries render them to SVG). The paper does not print its parameters: Figures 1-3
 * use the worked example's valuations (section 2), Figures 4-5 a parameter set
 * where the first best is attainable; each figure states its parameters.
 */
import { floatField } from './field.ts';
import { paretoFrontier } from './frontier.ts';
import type { TradeParameters } from './model.ts';
import { optimalThresholdSolution, thresholdForm } from './thresholdProgram.ts';

export function describeParameters(p: TradeParameters<number>): string {
  return `v_h^b=${p.buyerHigh}, v_l^b=${p.buyerLow}, v_h^s=${p.sellerHigh}, v_l^s=${p.sellerLow}, q^b=${p.qBuyer}, q^s=${p.qSeller}`;
}

export interface FrontierSeries {
  label: string;
  params: TradeParameters<number>;
  /** divide utilities by N (per-object utilities, Figures 2 and 4) */
  perObject?: boolean;
}

/** Points of the frontier polyline (vertices, from alpha^s = 0 to 1). */
export function frontierPoints(s: FrontierSeries): { series: string; seller: number; buyer: number; order: number }[] {
  const d = s.perObject ? s.params.objects : 1;
  return paretoFrontier(floatField, s.params).map((v, order) => ({ series: s.label, seller: v.seller / d, buyer: v.buyer / d, order }));
}

/** The Vega-Lite specification of a Pareto frontier figure (Figures 1, 2, 4). */
export function frontierFigure(title: string, subtitle: string, series: FrontierSeries[]): Record<string, unknown> {
  const values = series.flatMap(frontierPoints);
  return {
    title: { text: title, subtitle },
    width: 420,
    height: 320,
    data: { values },
    layer: [
      {
        mark: { type: 'line', point: true },
        encoding: {
          x: {
            field: 'seller',
            type: 'quantitative',
            title: series.some((s) => s.perObject) ? "seller's utility per object" : "seller's ex ante utility",
          },
          y: {
            field: 'buyer',
            type: 'quantitative',
            title: series.some((s) => s.perObject) ? "buyer's utility per object" : "buyer's ex ante utility",
          },
          color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: 300 } },
          order: { field: 'order', type: 'quantitative' },
        },
      },
    ],
  };
}

/** Thresholds M^s, M^b (mu_m = 0 below M, sigma in (0, 1] at M, 1 above; M = N: no bad-object trade) on a grid of alpha^s. */
export function thresholdPath(
  p: TradeParameters<number>,
  steps = 200,
): { alphaSeller: number; agent: string; threshold: number; effective: number }[] {
  const out: { alphaSeller: number; agent: string; threshold: number; effective: number }[] = [];
  for (let k = 0; k <= steps; k++) {
    const a = k / steps;
    const sol = optimalThresholdSolution(floatField, p, a);
    for (const j of ['seller', 'buyer'] as const) {
      const f = thresholdForm(floatField, sol.mu[j]);
      // effective threshold: M + 1 - sigma (continuous in the budget; equals M when sigma = 1)
      out.push({
        alphaSeller: a,
        agent: j,
        threshold: f.threshold,
        effective: f.threshold === p.objects ? p.objects : f.threshold + 1 - f.sigma,
      });
    }
  }
  return out;
}

/** The Vega-Lite specification of a threshold figure (Figures 3, 5). */
export function thresholdFigure(title: string, subtitle: string, p: TradeParameters<number>): Record<string, unknown> {
  return {
    title: { text: title, subtitle },
    width: 420,
    height: 280,
    data: { values: thresholdPath(p) },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x: { field: 'alphaSeller', type: 'quantitative', title: 'alpha^s (weight on the seller)' },
      y: { field: 'threshold', type: 'quantitative', title: 'threshold M^j', scale: { domain: [0, p.objects] } },
      color: { field: 'agent', type: 'nominal', title: null },
    },
  };
}
