/**
 * Single-object sealed-bid auctions on a finite value grid (private values),
 * used as the reference IC / non-IC mechanisms. Outcome c = i means agent i
 * wins; ties go to the lowest index. Transfers are paid to the agents, so the
 * winner's payment is a negative transfer.
 */
import { JointPrior } from '../core/prior.ts';
import { InputError } from '../core/errors.ts';
import type { Environment } from '../model/environment.ts';
import type { DirectMechanism } from '../model/mechanism.ts';

/** n bidders, each with the value grid `values[i]` (type k has value values[i][k]), independent priors. */
export function singleObjectEnvironment(values: readonly (readonly number[])[], marginals?: readonly (readonly number[])[]): Environment {
  const n = values.length;
  if (n < 1) throw new InputError('values', 'needs at least one bidder');
  const prior = JointPrior.independent(marginals ?? values.map((v) => v.map(() => 1 / v.length)));
  const space = prior.profiles;
  return {
    prior,
    outcomes: n,
    value: (i, c, _th, k) => (c === i ? values[i][space.component(k, i)] : 0),
    privateValues: true,
    outcomeLabels: values.map((_, i) => `bidder ${i} wins`),
  };
}

function winner(bids: number[]): number {
  let w = 0;
  for (let i = 1; i < bids.length; i++) if (bids[i] > bids[w]) w = i;
  return w;
}

function bidsAt(values: readonly (readonly number[])[], k: number, env: Environment): number[] {
  return values.map((v, i) => v[env.prior.profiles.component(k, i)]);
}

/** First-price auction: the highest bid wins and pays its bid (not DSIC). */
export function firstPriceAuction(env: Environment, values: readonly (readonly number[])[]): DirectMechanism {
  return {
    name: 'first-price auction',
    outcome: (k) => winner(bidsAt(values, k, env)),
    transfer: (k) => {
      const b = bidsAt(values, k, env);
      const w = winner(b);
      return b.map((bi, i) => (i === w ? -bi : 0));
    },
  };
}

/** Second-price (Vickrey) auction: the highest bid wins and pays the highest other bid (DSIC). */
export function secondPriceAuction(env: Environment, values: readonly (readonly number[])[]): DirectMechanism {
  return {
    name: 'second-price auction',
    outcome: (k) => winner(bidsAt(values, k, env)),
    transfer: (k) => {
      const b = bidsAt(values, k, env);
      const w = winner(b);
      const second = b.length > 1 ? Math.max(...b.filter((_, i) => i !== w)) : 0;
      return b.map((_, i) => (i === w ? -second : 0));
    },
  };
}
