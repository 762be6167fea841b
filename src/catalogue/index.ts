export * from './types.ts';
export { propertyEntry, runProperty, type PropertyCheck, type PropertySpec } from './propertyEntry.ts';
export { exampleEntry, compareNumber, claim, type Comparison, type ExampleOutput } from './exampleEntry.ts';
export { runEntry, runMutant, entrySeed, DEFAULT_SEED, matchesPattern, selectEntries, type ResultRecord, type RunOptions } from './runner.ts';
