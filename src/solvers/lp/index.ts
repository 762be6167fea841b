export * from './types.ts';
export { LPBuilder } from './builder.ts';
export { solveLP, runBackend, type SolveOptions } from './solve.ts';
export {
  primalViolation,
  exactPrimalViolation,
  pointCertificate,
  dualBound,
  farkasCertificate,
  rayCertificate,
  verifyRay,
} from './certify.ts';
export {
  certificateLog,
  certificateLogSince,
  markCertificateLog,
  resetCertificateLog,
  type CertificateLog,
  type CertificateEvent,
} from './certificateLog.ts';
export { lpFromJson, lpToJson, type LinearProgramJson } from './lpJson.ts';
