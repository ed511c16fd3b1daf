import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPhi, DEFAULT_PHI_TAG_RULES, environmentFromTags, phiTagRulesFromEnv } from './phi.js';

describe('classifyPhi', () => {
  it('override, then the PHI flag, then the data class; the reason names the tag as written', () => {
    expect(classifyPhi({ PHI: 'true' }, false)).toEqual({ phi: false, source: 'override' });
    expect(classifyPhi({ phi: 'Yes' })).toEqual({ phi: true, source: 'tag:phi=Yes' });
    expect(classifyPhi({ PHI: 'no', DataClassification: 'ePHI' })).toEqual({
      phi: false,
      source: 'tag:PHI=no',
    });
    expect(classifyPhi({ DataClassification: 'ePHI' })).toEqual({
      phi: true,
      source: 'tag:DataClassification=ePHI',
    });
    expect(classifyPhi({ DataClassification: 'internal' })).toEqual({ phi: false, source: 'none' });
    expect(classifyPhi({ PHI: 'maybe' })).toEqual({ phi: false, source: 'none' });
  });

  it('the organisation’s own tag names replace the defaults (environment settings)', () => {
    const rules = phiTagRulesFromEnv({
      PATCHWARDEN_PHI_TAGS: 'ContainsPHI, phi',
      PATCHWARDEN_PHI_CLASSIFICATION_TAGS: 'data-classification',
      PATCHWARDEN_PHI_CLASSES: 'confidential-phi,restricted',
    });
    expect(rules.flagTags).toEqual(['ContainsPHI', 'phi']);
    expect(classifyPhi({ containsphi: 'true' }, undefined, rules)).toEqual({
      phi: true,
      source: 'tag:containsphi=true',
    });
    expect(classifyPhi({ 'data-classification': 'Confidential-PHI' }, undefined, rules).phi).toBe(true);
    // The default names no longer classify under these rules.
    expect(classifyPhi({ DataClassification: 'ePHI' }, undefined, rules).phi).toBe(false);
    expect(phiTagRulesFromEnv({ PATCHWARDEN_PHI_TAGS: ' , ' })).toEqual(DEFAULT_PHI_TAG_RULES);
  });

  it('tag names match whatever their case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('PHI', 'phi', 'Phi', 'pHi'),
        fc.constantFrom('true', 'TRUE', 'yes', '1'),
        (k, v) => {
          expect(classifyPhi({ [k]: v }).phi).toBe(true);
        },
      ),
    );
  });

  it('environment from Environment or Env tags', () => {
    expect(environmentFromTags({ Env: 'Production' })).toBe('prod');
    expect(environmentFromTags({ environment: 'UAT' })).toBe('test');
    expect(environmentFromTags({})).toBe('unknown');
  });
});
