/** The server's version, read from package.json once at load. */
import { readFileSync } from 'node:fs';

// src/api and dist/api are both two levels below the package root.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const API_VERSION: string = pkg.version;
