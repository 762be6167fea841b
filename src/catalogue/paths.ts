/** Locations inside the package (independent of the working directory). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const packageRoot = (): string => resolve(here, '..', '..');
export const fixturesDir = (): string => resolve(packageRoot(), 'fixtures');
export const reportsDir = (): string => resolve(packageRoot(), 'reports');
