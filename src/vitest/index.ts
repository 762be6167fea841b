/**
 * `mechcheck/vitest`: vitest integration. Importing it adds the matchers of
 * ./matchers.ts to vitest's `expect` (`expect(mechanism).toBeDominantStrategyIC()`,
 * `expect(result).toHold()`, ...), and re-exports `test`, `it` and `fc` from
 * `@fast-check/vitest` for property tests over the arbitraries of
 * `mechcheck/arbitraries`, and `assertMechanism` / `mechanismProperty`.
 *
 * `vitest` and `@fast-check/vitest` are optional peer dependencies of
 * mechcheck: install them in your project to use this entry point; the main
 * entry point (`mechcheck`) never loads them.
 *
 * @example
 *   import { test, expect } from 'vitest';
 *   import { test as propertyTest } from 'mechcheck/vitest';
 *   import { auctionEnvironmentArb } from 'mechcheck/arbitraries';
 *
 *   propertyTest.prop([auctionEnvironmentArb()])('second price is DSIC', (env) => {
 *     expect(secondPrice(env)).toBeDominantStrategyIC();
 *   });
 */
import { expect } from 'vitest';
import { mechcheckMatchers, type MechcheckMatchers } from './matchers.ts';

expect.extend(mechcheckMatchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends MechcheckMatchers<T> {}
}

export { mechcheckMatchers, type MechcheckMatchers, type MatcherOptions } from './matchers.ts';
export { test, it, fc } from '@fast-check/vitest';
export {
  assertMechanism,
  mechanismProperty,
  MechanismPropertyFailure,
  MechanismViolation,
  type MechanismPropertyOptions,
} from '../api/property.ts';
