/**
 * PHI classification from tags (PRODUCT.md pillar 1): an explicit override wins, then the `PHI`
 * tag, then `DataClassification`. The reason is stored with the flag so an auditor can see why an
 * asset is in scope. Tag names are matched case-insensitively, as AWS and Azure users vary them.
 */
import type { Environment } from './inventory.js';

export interface PhiClassification {
  phi: boolean;
  /** `override`, `tag:PHI=true`, `tag:DataClassification=ePHI`, or `none`. */
  source: string;
}

const TRUE_VALUES = new Set(['true', 'yes', '1', 'y', 'phi', 'ephi']);
const FALSE_VALUES = new Set(['false', 'no', '0', 'n']);
const PHI_CLASSES = new Set(['phi', 'ephi', 'hipaa', 'restricted-phi']);

function tag(tags: Record<string, string>, name: string): [string, string] | undefined {
  const lower = name.toLowerCase();
  return Object.entries(tags).find(([k]) => k.toLowerCase() === lower);
}

/** Decide whether an asset holds PHI, and say why. */
export function classifyPhi(tags: Record<string, string>, override?: boolean): PhiClassification {
  if (override !== undefined) return { phi: override, source: 'override' };
  const phiTag = tag(tags, 'PHI');
  if (phiTag) {
    const v = phiTag[1].trim().toLowerCase();
    if (TRUE_VALUES.has(v)) return { phi: true, source: `tag:${phiTag[0]}=${phiTag[1]}` };
    if (FALSE_VALUES.has(v)) return { phi: false, source: `tag:${phiTag[0]}=${phiTag[1]}` };
  }
  const cls = tag(tags, 'DataClassification');
  if (cls && PHI_CLASSES.has(cls[1].trim().toLowerCase())) {
    return { phi: true, source: `tag:${cls[0]}=${cls[1]}` };
  }
  return { phi: false, source: 'none' };
}

const ENV_ALIASES: Record<string, Environment> = {
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  staging: 'staging',
  stage: 'staging',
  test: 'test',
  qa: 'test',
  uat: 'test',
  dev: 'dev',
  development: 'dev',
  sandbox: 'dev',
};

/** Environment from an `Environment`/`Env` tag, or unknown. */
export function environmentFromTags(tags: Record<string, string>): Environment {
  const t = tag(tags, 'Environment') ?? tag(tags, 'Env');
  return (t && ENV_ALIASES[t[1].trim().toLowerCase()]) || 'unknown';
}
