/**
 * Mixed-radix indexing of type (or signal) profiles.
 *
 * A profile t = (t_0, ..., t_{n-1}) with t_i in {0, ..., k_i - 1} has the
 * row-major index sum_i t_i * prod_{j > i} k_j: agent 0 is the slowest index.
 * This is the order used by every table in mechcheck and in the JSON formats.
 */
export class ProfileSpace {
  readonly counts: readonly number[];
  readonly size: number;
  /** stride[i] = prod_{j > i} counts[j] */
  readonly strides: readonly number[];

  constructor(counts: readonly number[]) {
    if (counts.length === 0) throw new RangeError('ProfileSpace needs at least one agent');
    for (const k of counts) {
      if (!Number.isInteger(k) || k < 1) throw new RangeError(`ProfileSpace: invalid count ${k}`);
    }
    this.counts = [...counts];
    const strides = new Array<number>(counts.length);
    let s = 1;
    for (let i = counts.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= counts[i];
    }
    this.strides = strides;
    this.size = s;
  }

  get agents(): number {
    return this.counts.length;
  }

  index(profile: readonly number[]): number {
    let idx = 0;
    for (let i = 0; i < this.counts.length; i++) idx += profile[i] * this.strides[i];
    return idx;
  }

  profile(index: number): number[] {
    const out = new Array<number>(this.counts.length);
    for (let i = 0; i < this.counts.length; i++) {
      out[i] = Math.floor(index / this.strides[i]) % this.counts[i];
    }
    return out;
  }

  /** Component i of the profile with the given index. */
  component(index: number, i: number): number {
    return Math.floor(index / this.strides[i]) % this.counts[i];
  }

  /** Index of the profile obtained by replacing component i with value v. */
  replace(index: number, i: number, v: number): number {
    return index + (v - this.component(index, i)) * this.strides[i];
  }

  /** All profiles, in index order. */
  *all(): Generator<number[]> {
    for (let k = 0; k < this.size; k++) yield this.profile(k);
  }

  /** The space of the others' profiles (agent i removed). */
  without(i: number): ProfileSpace {
    const c = this.counts.filter((_, j) => j !== i);
    return new ProfileSpace(c.length ? c : [1]);
  }

  /** Index in `without(i)` of the others' part of a full profile index. */
  othersIndex(index: number, i: number): number {
    const own = this.component(index, i);
    const withoutOwn = index - own * this.strides[i];
    // remove the digit of agent i: digits before i are scaled by counts[i]
    const high = Math.floor(withoutOwn / (this.strides[i] * this.counts[i]));
    const low = withoutOwn % this.strides[i];
    return high * this.strides[i] + low;
  }
}
