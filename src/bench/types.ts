/**
 * Benchmarks: each times a subject against a baseline measured in the same
 * run and prints the ratio; a goal (a time limit for the subject) is reported
 * as met or not met. `npm run bench [-- --only PATTERN]`.
 */
export interface Timed {
  label: string;
  /** the work timed; with `selfMeasured`, it returns its own measurement in ms (e.g. a child process's CPU time) */
  fn: () => unknown;
}

export interface Benchmark {
  name: string;
  /** the goal, e.g. "n = 8 under 2 s" */
  goal?: string;
  /** the subject must finish within this many ms to meet the goal */
  limitMs?: number;
  subject: Timed;
  baseline?: Timed;
  /** repetitions (the median is reported); default 3 */
  repeat?: number;
  /** a benchmark that measures itself (e.g. whole processes' CPU time): printed lines and whether its goal is met */
  custom?: () => { lines: string[]; met: boolean };
  /** a goal that is not a time (a size, say): checked once, reported as met or not met */
  check?: () => { ok: boolean; value: string };
  /** run baseline and subject alternately, one pair per repetition (default: all subjects, then all baselines) */
  paired?: boolean;
  /** each fn returns its own measurement in ms instead of being timed by the wall clock */
  selfMeasured?: boolean;
  /** the goal as a ratio: subject <= maxRatio x baseline (medians) */
  maxRatio?: number;
}
