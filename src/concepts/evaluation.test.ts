/**
 * An Evaluation shares one tabulated mechanism between checkers: concepts are
 * computed once, in the requested order; the work limit given when it was built
 * applies to later calls, and the message names the concepts checked.
 */
import { describe, expect, it } from 'vitest';
import { JointPrior } from '../core/prior.ts';
import { LimitError } from '../core/limits.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';
import { Evaluation } from './evaluation.ts';
import { exPostIC, interimIC } from './incentiveCompatibility.ts';
import { exAnteBudget } from './budget.ts';

const env: Environment = {
  prior: JointPrior.independent([
    [0.5, 0.5],
    [0.5, 0.5],
  ]),
  outcomes: 1,
  privateValues: true,
  value: () => 0,
};
/** agent 0 is paid 1 more for reporting type 1: type 0 gains 1 by lying */
const mech: DirectMechanism = { outcome: () => 0, transfer: (k) => [k >= 2 ? 1 : 0, 0] };

describe('Evaluation', () => {
  it('results come back in the requested order, each concept computed once and reused', () => {
    const ev = new Evaluation(env, mech);
    const [a, b] = ev.results(['interimIC', 'exPostIC']);
    expect([a.concept, b.concept]).toEqual(['interimIC', 'exPostIC']);
    expect(a).toMatchObject({ violation: 1, cases: 4, witness: { agent: 0, trueType: 0, report: 1 } });
    expect(b).toMatchObject({ violation: 1, cases: 8 });
    // a checker given the evaluation reuses it: the same numbers, its own tolerance
    expect(exPostIC(env, ev, { tolerance: 1 })).toMatchObject({ holds: true, violation: 1, tolerance: 1, cases: 8 });
    expect(interimIC(env, ev)).toMatchObject({ holds: false, tolerance: 1e-9 });
    expect(Evaluation.of(env, ev)).toBe(ev);
    expect(ev.space).toBe(env.prior.profiles);
    expect(Evaluation.of(env, mech)).not.toBe(ev);
  });

  it('the work limit given at construction applies to later calls without options', () => {
    // 4 profiles x 2 agents (budget) + 4 x (2 + 2) (rows) = 24 evaluations for ex post IC
    const ev = new Evaluation(env, mech, { maxWork: 23 });
    expect(() => ev.results(['exPostIC'])).toThrow(LimitError);
    expect(() => ev.results(['exPostIC'])).toThrow(
      /for exPostIC, in utility evaluations, is 24, above the limit of 23 \(raise it with the maxWork check option\)/,
    );
    // a limit given with the call replaces it
    expect(ev.results(['exPostIC'], { maxWork: 24 })[0].violation).toBe(1);
    // the budget pass alone is 4 x 2 = 8
    expect(exAnteBudget(env, mech, { maxWork: 8 }).worst).toBe(0.5);
  });

  it('a concept already computed is not computed again: a later, lower limit does not stop it', () => {
    const ev = new Evaluation(env, mech);
    const first = ev.results(['exPostIC', 'exPostIR']);
    // computing again would cost at least the 8 evaluations of the budget pass
    expect(ev.results(['exPostIR', 'exPostIC'], { maxWork: 1 })).toEqual([first[1], first[0]]);
    // a new concept is computed alone, under the limit of its call
    expect(() => ev.results(['exPostIC', 'interimIR'], { maxWork: 1 })).toThrow(/for interimIR, in utility evaluations/);
  });

  it('a checker over its work limit names its own concept (no check before the concepts are known)', () => {
    expect(() => exPostIC(env, mech, { maxWork: 7 })).toThrow(
      /the work of checking 4 profiles \(2 x 2\) for exPostIC, in utility evaluations, is 24/,
    );
  });
});
