/**
 * A process-wide log of how LP answers were certified: how many solves, how
 * each was decided (`LPResolution`), and the disagreements between backends
 * with the certificate that settled them, or the error raised when none could.
 * A report takes a snapshot before and after a piece of work and shows the
 * difference (`certificateLogSince`).
 */
import type { LPResolution } from './types.ts';

/** One disagreement between backends, or an answer that could not be certified. */
export interface CertificateEvent {
  /** what decided it, or 'unresolved' when LPCertificationError was raised */
  resolution: LPResolution | 'unresolved';
  /** the claims, e.g. "jsLpSolver: infeasible, highs: optimal 17.96" */
  claims: string;
  /** variables x rows of the LP */
  size: string;
  /** the certificate's key numbers (violation, margin, gap) or the error message */
  detail: string;
}

/** Counts of solves by resolution, and the notable events (disagreements, backend failures, errors). */
export interface CertificateLog {
  solves: number;
  byResolution: Partial<Record<LPResolution | 'unresolved', number>>;
  /** disagreements settled by a certificate */
  disagreementsResolved: number;
  /** answers that could not be certified (LPCertificationError raised) */
  unresolved: number;
  /** the most recent notable events (at most MAX_EVENTS) */
  events: CertificateEvent[];
}

const MAX_EVENTS = 50;
const DISAGREEMENTS: ReadonlySet<string> = new Set([
  'point refutes infeasible',
  'farkas refutes feasible',
  'dual bound refutes objective',
  'ray refutes optimal',
  'dual bound refutes unbounded',
  'point refutes unbounded ray',
]);

let log: CertificateLog = emptyLog();
let eventCount = 0;

function emptyLog(): CertificateLog {
  return { solves: 0, byResolution: {}, disagreementsResolved: 0, unresolved: 0, events: [] };
}

/** Record one solve's resolution (and, for a notable one, its event). */
export function recordResolution(resolution: LPResolution | 'unresolved', event?: Omit<CertificateEvent, 'resolution'>): void {
  log.solves++;
  log.byResolution[resolution] = (log.byResolution[resolution] ?? 0) + 1;
  if (DISAGREEMENTS.has(resolution)) log.disagreementsResolved++;
  if (resolution === 'unresolved') log.unresolved++;
  if (event) {
    eventCount++;
    log.events.push({ resolution, ...event });
    if (log.events.length > MAX_EVENTS) log.events.shift();
  }
}

/** A copy of the log so far. */
export function certificateLog(): CertificateLog {
  return { ...log, byResolution: { ...log.byResolution }, events: [...log.events] };
}

/** An opaque mark of the log's state (for `certificateLogSince`). */
export interface CertificateLogMark {
  snapshot: CertificateLog;
  eventCount: number;
}

/** Mark the log's current state, to take the difference later. */
export function markCertificateLog(): CertificateLogMark {
  return { snapshot: certificateLog(), eventCount };
}

/** What was logged since `mark`: the differences of the counts and the events recorded since. */
export function certificateLogSince(mark: CertificateLogMark): CertificateLog {
  const now = certificateLog();
  const byResolution: CertificateLog['byResolution'] = {};
  for (const [k, v] of Object.entries(now.byResolution) as [LPResolution | 'unresolved', number][]) {
    const d = v - (mark.snapshot.byResolution[k] ?? 0);
    if (d > 0) byResolution[k] = d;
  }
  const newEvents = Math.min(eventCount - mark.eventCount, now.events.length);
  return {
    solves: now.solves - mark.snapshot.solves,
    byResolution,
    disagreementsResolved: now.disagreementsResolved - mark.snapshot.disagreementsResolved,
    unresolved: now.unresolved - mark.snapshot.unresolved,
    events: newEvents > 0 ? now.events.slice(now.events.length - newEvents) : [],
  };
}

/** Start a fresh log (tests). */
export function resetCertificateLog(): void {
  log = emptyLog();
  eventCount = 0;
}
