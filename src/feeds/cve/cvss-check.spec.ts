import { describe, expect, it } from 'vitest';
import { checkCvss, computeBaseScore } from './cvss-check.js';

describe('checkCvss: stated vs computed base score', () => {
  it.each([
    ['3.1', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
    ['3.0', 'CVSS:3.0/AV:L/AC:H/PR:H/UI:N/S:U/C:L/I:L/A:L', 3.9],
    ['2.0', 'AV:N/AC:L/Au:N/C:N/I:P/A:P', 6.4],
    ['4.0', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N', 8.2],
    ['4.0', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
  ] as const)('%s %s = %d', (version, vector, score) => {
    expect(checkCvss(version, vector, score)).toEqual({ scoreCheck: 'ok', computedBaseScore: score });
  });

  it('a wrong stated score is reported, not corrected', () => {
    expect(checkCvss('3.1', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 9.8)).toEqual({
      scoreCheck: 'mismatch',
      computedBaseScore: 8.8,
    });
  });

  it('3.1 with temporal (E/RL/RC) and environmental (CR/IR/AR, MAV…MA) metrics parses; base stays 10.0', () => {
    const v =
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:U/RL:O/RC:R/CR:H/IR:L/AR:M/MAV:L/MAC:H/MPR:H/MUI:R/MS:U/MC:L/MI:N/MA:L';
    expect(checkCvss('3.1', v, 10)).toEqual({ scoreCheck: 'ok', computedBaseScore: 10 });
  });

  it('4.0 with threat (E) and environmental (CR/IR/AR, MAV/MAC/MVC) metrics compares CVSS-B', () => {
    // The calculator's CVSS-BTE for this vector is 0.2; NVD/CVE 5 `baseScore` is CVSS-B (9.3).
    const v =
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/CR:L/IR:L/AR:L/MAV:P/MAC:H/MVC:L/S:P/AU:Y';
    expect(checkCvss('4.0', v, 9.3)).toEqual({ scoreCheck: 'ok', computedBaseScore: 9.3 });
    expect(checkCvss('4.0', v, 0.2).scoreCheck).toBe('mismatch');
  });

  it('2.0 with temporal and environmental metrics parses', () => {
    const v = 'AV:N/AC:L/Au:N/C:N/I:P/A:P/E:U/RL:OF/RC:C/CDP:LM/TD:M/CR:H/IR:H/AR:H';
    expect(checkCvss('2.0', v, 6.4).scoreCheck).toBe('ok');
  });

  it('3.1 §6: metrics in any order are valid', () => {
    expect(computeBaseScore('3.1', 'CVSS:3.1/A:H/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H')).toBe(9.8);
  });

  it.each([
    ['3.1', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'a base metric missing'],
    ['3.1', 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'a base metric Not Defined'],
    ['3.1', 'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'a repeated metric (3.1 §6)'],
    ['3.1', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q', 'an unknown value'],
    ['3.1', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1', 'an unknown metric'],
    ['3.1', 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'a 3.0 vector declared 3.1'],
    ['2.0', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'a 3.1 vector declared 2.0'],
    ['4.0', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N', 'SA missing'],
    ['2.0', 'AV:N/AC:L/Au:N/C:N/I:P', 'A missing'],
    ['2.0', '', 'an empty string'],
    ['3.1', 'garbage', 'no vector at all'],
  ] as const)('%s %j is unparsable: %s', (version, vector, _why) => {
    expect(checkCvss(version, vector, 5)).toEqual({ scoreCheck: 'unparsable', computedBaseScore: null });
  });
});
