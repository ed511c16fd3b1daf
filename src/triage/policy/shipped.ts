/**
 * The packs that ship with PatchWarden (packs/<id>.yaml beside this file; scripts/copy-assets.mjs
 * copies them into dist). The one file of this folder that touches the disk: the loader itself is
 * pure, and a user's own pack is read by the CLI and handed to `parsePack`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors.js';
import { parsePack } from './load.js';
import type { PolicyPack } from './pack.js';

/** Ids of the shipped packs, in the order `evaluatePacks` should see them when all are enabled. */
export const SHIPPED_PACK_IDS = ['seed-default', 'hipaa-nprm-2025', 'cisa-bod-26-04'] as const;
export type ShippedPackId = (typeof SHIPPED_PACK_IDS)[number];

const cache = new Map<string, PolicyPack>();

/** Whether `id` names a shipped pack. */
export function isShippedPackId(id: string): id is ShippedPackId {
  return (SHIPPED_PACK_IDS as readonly string[]).includes(id);
}

/** Load one shipped pack by id (read and validated once per process). */
export function loadShippedPack(id: string): PolicyPack {
  if (!isShippedPackId(id)) {
    throw new AppError('NOT_FOUND', { pack: id, reason: `shipped packs: ${SHIPPED_PACK_IDS.join(', ')}` });
  }
  const hit = cache.get(id);
  if (hit) return hit;
  const url = new URL(`./packs/${id}.yaml`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (err) {
    // A shipped file missing from an installation is a packaging fault, not the user's input.
    throw new AppError(
      'INTERNAL',
      { file: fileURLToPath(url), reason: 'shipped policy pack not installed' },
      { cause: err },
    );
  }
  const pack = parsePack(text, `packs/${id}.yaml`);
  cache.set(id, pack);
  return pack;
}

/** Every shipped pack, in SHIPPED_PACK_IDS order. */
export function loadShippedPacks(): PolicyPack[] {
  return SHIPPED_PACK_IDS.map(loadShippedPack);
}
