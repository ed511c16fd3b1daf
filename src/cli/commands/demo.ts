import { EXIT } from '../../core/errors.js';
import type { Command } from '../command.js';

/** `demo load`: the bundled synthetic fleet with real SBOMs and advisories, and its AWS Config snapshots. */
export const demoLoad: Command = {
  path: ['demo', 'load'],
  summary:
    'Load the bundled demo fleet (synthetic assets and AWS Config snapshots, real public SBOMs and advisories)',
  usage: '[--fleet demo/fleet.yaml] [--json]',
  options: { fleet: { type: 'string' } },
  async run(ctx) {
    const { DEMO_FLEET, loadDemo } = await import('../../services/load-demo.js');
    const fleetFile = (ctx.values.fleet as string | undefined) ?? DEMO_FLEET;
    const r = await loadDemo(await ctx.db(), {
      fleetFile,
      onStep: ctx.json ? undefined : (m) => ctx.io.stderr.write(`loading ${m}\n`),
    } as Parameters<typeof loadDemo>[1]);
    if (ctx.json) ctx.printJson(r);
    else
      ctx.print(
        `demo fleet: ${r.assets} assets, ${r.advisories} advisories, ${r.kevEntries} KEV entries, ${r.findingsOpened} findings opened; ` +
          `${r.cloudSnapshots} AWS Config snapshots (${r.cloudResources} resources, ${r.cloudAssetsCreated} assets only the cloud knows) — try \`posture scan\``,
      );
    return EXIT.ok;
  },
};
