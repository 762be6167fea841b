/** The stage-2 VCG mechanism as a finite direct mechanism (seed 000, section 4.1) passes the foundation's checkers. */
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../concepts/checkAll.ts';
import { stage2Direct } from './directMechanism.ts';

describe('stage-2 VCG as a DirectMechanism', () => {
  it('two buyers, two sellers, two report types each: DSIC, IR, no positive transfers', () => {
    const z = [
      [
        [0, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ];
    const ext = (x: number) => [
      [
        [0, 0],
        [0, x],
      ],
      [
        [0, 0],
        [x, 0],
      ],
    ];
    const s = stage2Direct({
      n: 2,
      kappa: [
        [1, 0],
        [0, 1],
      ],
      types: [
        [
          { w: [3, 1], d: z },
          { w: [1, 2], d: ext(1) },
        ],
        [
          { w: [2, 2], d: ext(2) },
          { w: [0, 3], d: z },
        ],
      ],
    });
    expect(s.matchings.length).toBe(7);
    const results = checkAll(s.env, s.vcg, { tolerance: 1e-9 }, ['dominantStrategyIC', 'exPostIR', 'noPositiveTransfers']);
    for (const r of results) expect(r.holds, r.concept).toBe(true);
  });
});
