// `npm run bibliography`: writes properties/BIBLIOGRAPHY.md and
// properties/ALIASES.md from the registered paper modules (their manifests and
// entries); properties/catalogue.test.ts checks both are up to date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { papers } from '../../properties/index.ts';
import { ALIASES_FILE, aliasesMarkdown, BIBLIOGRAPHY_FILE, bibliographyMarkdown } from '../catalogue/bibliography.ts';
import { packageRoot } from '../catalogue/paths.ts';

writeFileSync(join(packageRoot(), BIBLIOGRAPHY_FILE), bibliographyMarkdown(papers));
writeFileSync(join(packageRoot(), ALIASES_FILE), aliasesMarkdown(papers));
console.log(`wrote ${BIBLIOGRAPHY_FILE} and ${ALIASES_FILE}`);
