/** readme.md is the pack format reference: it must document every predicate and shipped pack. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELDS, OUTCOME_PREFIX } from './fields.js';
import { parsePack } from './load.js';
import { loadShippedPacks } from './shipped.js';

const readme = readFileSync(new URL('./readme.md', import.meta.url), 'utf8');

describe('readme.md', () => {
  it.each([...Object.keys(FIELDS), `${OUTCOME_PREFIX}<table-id>`])('documents the predicate %s', (name) => {
    expect(readme).toContain(`| \`${name}\` |`);
  });

  it('lists every rule of every shipped pack with its version', () => {
    for (const pack of loadShippedPacks()) {
      expect(readme).toContain(`### \`${pack.id}\` ${pack.version}`);
      for (const rule of pack.rules)
        expect(readme).toMatch(new RegExp(`\\| ${rule.id}( \\(default\\))? \\|`));
    }
  });

  it('its example pack is valid', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const pack = parsePack(example, 'readme.md');
    expect(pack.rules.map((r) => [r.id, r.days])).toEqual([
      ['kev-on-phi', 3],
      ['everything-else', 90],
    ]);
  });
});
