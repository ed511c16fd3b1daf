/**
 * PHI classification from tags (PRODUCT.md pillar 1): an explicit override wins, then the `PHI`
 * tag, then `DataClassification` (both configurable, `phiTagRulesFromEnv`). The reason is stored with the flag so an auditor can see why an
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

/** Which tags classify, in order: flag tags (PHI=true/false), then classification tags. */
export interface PhiTagRules {
  /** Tags whose yes/no value says PHI or not (default `PHI`). */
  flagTags: readonly string[];
  /** Tags whose value is a data class (default `DataClassification`). */
  classificationTags: readonly string[];
  /** Classes meaning PHI, compared case-insensitively. */
  phiClasses: readonly string[];
}

export const DEFAULT_PHI_TAG_RULES: PhiTagRules = {
  flagTags: ['PHI'],
  classificationTags: ['DataClassification'],
  phiClasses: ['phi', 'ephi', 'hipaa', 'restricted-phi'],
};

/**
 * Organisations name these tags differently (`ContainsPHI`, `data-classification:
 * confidential-phi`): `PATCHWARDEN_PHI_TAGS`, `PATCHWARDEN_PHI_CLASSIFICATION_TAGS` and
 * `PATCHWARDEN_PHI_CLASSES` (comma-separated) replace the defaults; unset or empty keeps them.
 */
export function phiTagRulesFromEnv(env: Readonly<Record<string, string | undefined>>): PhiTagRules {
  const list = (v: string | undefined, fallback: readonly string[]) => {
    const items = (v ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    return items.length > 0 ? items : fallback;
  };
  return {
    flagTags: list(env.PATCHWARDEN_PHI_TAGS, DEFAULT_PHI_TAG_RULES.flagTags),
    classificationTags: list(
      env.PATCHWARDEN_PHI_CLASSIFICATION_TAGS,
      DEFAULT_PHI_TAG_RULES.classificationTags,
    ),
    phiClasses: list(env.PATCHWARDEN_PHI_CLASSES, DEFAULT_PHI_TAG_RULES.phiClasses),
  };
}

// One setting per process, like the database location: the CLI sets it from the environment at
// start, and every import classifies with it.
let active: PhiTagRules = DEFAULT_PHI_TAG_RULES;

/** Set the tag rules later classifications use (the CLI calls it once at start). */
export function setPhiTagRules(rules: PhiTagRules): void {
  active = rules;
}

function tag(tags: Record<string, string>, ...names: readonly string[]): [string, string] | undefined {
  for (const name of names) {
    const lower = name.toLowerCase();
    const hit = Object.entries(tags).find(([k]) => k.toLowerCase() === lower);
    if (hit) return hit;
  }
  return undefined;
}

/** Decide whether an asset holds PHI, and say why. */
export function classifyPhi(
  tags: Record<string, string>,
  override?: boolean,
  rules: PhiTagRules = active,
): PhiClassification {
  if (override !== undefined) return { phi: override, source: 'override' };
  const phiTag = tag(tags, ...rules.flagTags);
  if (phiTag) {
    const v = phiTag[1].trim().toLowerCase();
    if (TRUE_VALUES.has(v)) return { phi: true, source: `tag:${phiTag[0]}=${phiTag[1]}` };
    if (FALSE_VALUES.has(v)) return { phi: false, source: `tag:${phiTag[0]}=${phiTag[1]}` };
  }
  const cls = tag(tags, ...rules.classificationTags);
  const classes = new Set(rules.phiClasses.map((c) => c.toLowerCase()));
  if (cls && classes.has(cls[1].trim().toLowerCase())) {
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
  const t = tag(tags, 'Environment', 'Env');
  return (t && ENV_ALIASES[t[1].trim().toLowerCase()]) || 'unknown';
}
