// Writes docs/checks/ from the built posture checks (run `npm run build` first):
// `node scripts/gen-check-docs.mjs`. src/posture/check-docs.spec.ts fails when they are stale.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const { POSTURE_CHECKS } = await import('../dist/posture/registry.js');
const { checkDocs } = await import('../dist/posture/check-docs.js');
const root = new URL('../docs/checks/', import.meta.url);
rmSync(root, { recursive: true, force: true });
for (const [name, text] of checkDocs(POSTURE_CHECKS)) {
  const file = new URL(name, root);
  mkdirSync(dirname(file.pathname), { recursive: true });
  writeFileSync(file, text);
}
console.log(`docs/checks: ${POSTURE_CHECKS.length} checks`);
