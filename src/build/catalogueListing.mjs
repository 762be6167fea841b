// Part of `npm run build`, after tsc: stores the catalogue's listing (what
// `mechcheck list --json` prints) in dist/properties/listing.json, so that the
// compiled `mechcheck list` reads it instead of importing every entry's code.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (...p) => pathToFileURL(join(root, 'dist', ...p)).href;
const { catalogue } = await import(dist('properties', 'index.js'));
const { listing } = await import(dist('src', 'cli', 'commands', 'list.js'));
writeFileSync(join(root, 'dist', 'properties', 'listing.json'), JSON.stringify(listing(catalogue)) + '\n');
