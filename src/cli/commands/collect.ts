import { AppError, EXIT } from '../../core/errors.js';
import type { Command } from '../command.js';

/** `collect aws`: EC2 + SSM inventory through the AWS SDK's standard credential chain. */
export const collectAws: Command = {
  path: ['collect', 'aws'],
  summary: 'Collect EC2 instances with SSM inventory and patch state from AWS (standard credential chain)',
  usage: '--region R [--region R]… [--account-id ID] [--json]',
  help: `Credentials come from the AWS SDK's standard provider chain (environment, shared config and
SSO, instance/container roles); nothing is stored. A service the credentials cannot read is
reported as a gap: exit 3 when any gap remains, so a partial inventory never passes as complete.`,
  options: { region: { type: 'string', multiple: true }, 'account-id': { type: 'string' } },
  async run(ctx) {
    const regions = (ctx.values.region as string[] | undefined) ?? [];
    if (regions.length === 0) throw new AppError('USAGE', { reason: 'at least one --region is required' });
    const { importAws } = await import('../../services/import-aws.js');
    const accountId = ctx.values['account-id'] as string | undefined;
    const r = await importAws(await ctx.db(), {
      regions,
      actor: ctx.actor,
      maxAttempts: 8,
      ...(accountId ? { accountId } : {}),
    });
    if (ctx.json) ctx.printJson(r);
    else {
      ctx.print(`aws ${regions.join(', ')}: ${r.assets} assets (${r.created} new), ${r.gaps.length} gaps`);
      for (const g of r.gaps) ctx.io.stderr.write(`gap: ${g.service} in ${g.region}: ${g.reason}\n`);
    }
    return r.gaps.length > 0 ? EXIT.upstream : EXIT.ok;
  },
};
