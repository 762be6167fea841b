/**
 * Layer rules for mechcheck (issue 14, item 3), checked by `npm run lint:deps`.
 *
 * - no import cycles, type-only imports included;
 * - `src/core` imports nothing above it;
 * - computation (everything but the CLI) never imports the CLI;
 * - paper modules (`properties/`, paper-specific `src/mechanisms`, `src/information`) never import
 *   report code (`src/report`);
 * - no module is orphaned (every file is reached from an entry point or a test).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (type-only imports count): split the shared piece into its own module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-nothing-above',
      severity: 'error',
      comment: 'src/core is the bottom layer: it imports only itself and node built-ins.',
      from: { path: '^src/core/' },
      to: { path: '^(src|properties)/', pathNot: '^src/core/' },
    },
    {
      name: 'computation-not-cli',
      severity: 'error',
      comment: 'Only the CLI (and tests) may import the CLI; computation lives below it.',
      // properties/catalogueSuite.ts is test code (the per-paper catalogue.test.ts files run it): it replays through the CLI
      from: { path: '^(src|properties)/', pathNot: ['^src/cli/', '\\.test\\.ts$', '^src/bench/', '^properties/catalogueSuite\\.ts$'] },
      to: { path: '^src/cli/' },
    },
    {
      name: 'papers-not-report',
      severity: 'error',
      comment: 'A paper module (properties/, src/mechanisms, src/information) does not depend on report code.',
      from: { path: '^(properties|src/mechanisms|src/information)/', pathNot: ['\\.test\\.ts$', '^properties/catalogueSuite\\.ts$'] },
      to: { path: '^src/report/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
