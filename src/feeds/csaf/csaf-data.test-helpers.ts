/**
 * Test-only access to the CISA CSAF sample (shared/data/cisa-csaf-ics, see its README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsafText } from './read-csaf.js';
import type { CsafAdvisory } from './types.js';

// This file is src/feeds/csaf: four levels up is the folder holding the checkout and `shared`.
const DATA = new URL('../../../../shared/data/cisa-csaf-ics/', import.meta.url);

/** File names of one folder (`icsma` or `icsa`), sorted. */
export function csafFiles(folder: 'icsma' | 'icsa'): string[] {
  return readdirSync(new URL(`${folder}/`, DATA))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** The raw JSON of a sample file. */
export function csafJson(folder: 'icsma' | 'icsa', name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${folder}/${name}`, DATA), 'utf8'));
}

const cache = new Map<string, CsafAdvisory>();
/** A sample file parsed by parseCsafText, cached across tests. */
export function csafAdvisory(folder: 'icsma' | 'icsa', name: string): CsafAdvisory {
  const key = `${folder}/${name}`;
  let a = cache.get(key);
  if (!a) {
    const path = fileURLToPath(new URL(key, DATA));
    a = parseCsafText(readFileSync(path, 'utf8'), `${folder}/${name}`);
    cache.set(key, a);
  }
  return a;
}
