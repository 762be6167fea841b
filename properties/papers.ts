/**
 * The registered paper modules: one line each (README, "Adding a paper").
 * The export's name is the module's folder; the catalogue orders the modules
 * by `paperOrder` (properties/index.ts), not by the order of these lines.
 */
export { paper as foundation } from './foundation/index.ts';
export { paper as seed000 } from './seed000/index.ts';
export { paper as seed001 } from './seed001/index.ts';
export { paper as seed002 } from './seed002/index.ts';
export { paper as seed003 } from './seed003/index.ts';
export { paper as seed004 } from './seed004/index.ts';
export { paper as classics } from './classics/index.ts';
