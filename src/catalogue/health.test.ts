import { describe, expect, it } from 'vitest';
import { HEALTH, healthFailure } from './health.ts';

const ev = (generated: number, checked: number, discarded?: Record<string, number>) => ({
  generated,
  checked,
  replayed: 0,
  ...(discarded ? { discarded } : {}),
});

describe('healthFailure', () => {
  it('documents its thresholds', () => {
    expect(HEALTH).toEqual({ minChecked: 30, minAcceptance: 0.5, maxSkipsPerRun: 10 });
  });

  it('passes at exactly 30 checked instances and at exactly half accepted', () => {
    expect(healthFailure(ev(60, 30), 100)).toBeNull();
    expect(healthFailure(ev(30, 30), 30)).toBeNull();
  });

  it('fails one instance under either threshold, naming the counts and what was discarded', () => {
    expect(healthFailure(ev(29, 29), 100)).toBe(
      'health check failed: only 29 of 29 generated instances met the hypotheses and were checked, fewer than 30',
    );
    expect(healthFailure(ev(61, 30, { 'Assumption 3': 31 }), 100)).toBe(
      'health check failed: only 30 of 61 generated instances met the hypotheses (49%, under 50%) (discarded: 31 x Assumption 3)',
    );
  });

  it('asks for every run when fewer than 30 were asked for', () => {
    expect(healthFailure(ev(10, 10), 10)).toBeNull();
    expect(healthFailure(ev(9, 9), 10)).toMatch(/fewer than 10$/);
  });

  it("applies an entry's documented exception", () => {
    expect(healthFailure(ev(8, 8), 8, { minChecked: 8, why: 'expensive' })).toBeNull();
    expect(healthFailure(ev(100, 30), 30, { minAcceptance: 0.3, why: 'rare hypothesis' })).toBeNull();
    expect(healthFailure(ev(101, 30), 30, { minAcceptance: 0.3, why: 'rare hypothesis' })).toMatch(/under 30%/);
  });

  it('does not divide by zero when nothing was generated', () => {
    expect(healthFailure(ev(0, 0), 0)).toBeNull();
    expect(healthFailure(ev(0, 0), 5)).toMatch(/only 0 of 0/);
  });
});
