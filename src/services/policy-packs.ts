/**
 * The policy packs in force for this process: `PATCHWARDEN_POLICY_PACKS`, a comma-separated list
 * of shipped pack ids (`seed-default`, `hipaa-nprm-2025`, `cisa-bod-26-04`) or paths to an
 * organisation's own pack files; default `seed-default`. Several packs are all evaluated and the
 * strictest deadline wins. Every CLI start configures them, but only commands that triage load
 * them (YAML, zod): the loaders are imported on first use, so `version compare` stays fast.
 */
import { AppError } from '../core/errors.js';
import type { PolicyPack } from '../triage/policy/pack.js';

export const DEFAULT_PACKS = 'seed-default';

let spec = DEFAULT_PACKS;
let loaded: Promise<PolicyPack[]> | undefined;

/** Set the packs later triage uses (the CLI calls it once at start with the environment's value). */
export function configurePolicyPacks(value: string | undefined): void {
  spec = value?.trim() ? value : DEFAULT_PACKS;
  loaded = undefined;
}

/** One pack by shipped id or file path. */
export async function loadPack(ref: string): Promise<PolicyPack> {
  const { isShippedPackId, loadShippedPack } = await import('../triage/policy/shipped.js');
  if (isShippedPackId(ref)) return loadShippedPack(ref);
  if (!/[/\\.]/.test(ref)) {
    throw new AppError('USAGE', {
      reason: `unknown policy pack '${ref}': a shipped pack id or a .yaml file path`,
    });
  }
  const { parsePack } = await import('../triage/policy/load.js');
  const { decodeText } = await import('../io/decode-text.js');
  const { readBoundedFile } = await import('../io/read-bounded.js');
  return parsePack(decodeText(await readBoundedFile(ref, 1024 * 1024), ref), ref);
}

/** The packs in force, in the order given (ties go to the first). */
export function activePolicyPacks(): Promise<PolicyPack[]> {
  loaded ??= Promise.all(
    spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(loadPack),
  );
  return loaded;
}

/** The condition of a rule in plain English, when the pack is in force or shipped. */
export async function ruleText(packId: string, ruleId: string): Promise<string | undefined> {
  const { conditionToEnglish } = await import('../triage/policy/english.js');
  const { isShippedPackId, loadShippedPack } = await import('../triage/policy/shipped.js');
  const active = await activePolicyPacks().catch(() => []);
  const pack =
    active.find((p) => p.id === packId) ?? (isShippedPackId(packId) ? loadShippedPack(packId) : undefined);
  const rule = pack?.rules.find((r) => r.id === ruleId);
  return rule ? conditionToEnglish(rule.when) : undefined;
}
