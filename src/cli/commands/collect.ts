import { AppError, EXIT } from '../../core/errors.js';
import type { CloudImportResult } from '../../services/import-cloud.js';
import type { Command, CommandContext } from '../command.js';
import { progressBar } from '../progress.js';

// Shared report: counts, then every gap on stderr. Any gap exits 3, so a partial inventory never
// passes as complete in a pipeline; services left out with --service are counted, not gaps.
function report(ctx: CommandContext, label: string, r: CloudImportResult): number {
  const gaps = r.gaps.filter((g) => !g.skipped);
  if (ctx.json) ctx.printJson(r);
  else {
    const state =
      r.status === 'unchanged' ? 'unchanged since the last collection; assets marked seen' : 'imported';
    const skipped = new Set(r.gaps.filter((g) => g.skipped).map((g) => g.service));
    ctx.print(
      `${label}: ${r.resources} resources, ${r.assets} assets (${r.created} new), ${gaps.length} gaps${skipped.size ? `, not collected: ${[...skipped].sort().join(' ')}` : ''} — ${state}`,
    );
    for (const g of gaps) ctx.io.stderr.write(`gap: ${g.account} ${g.region} ${g.service}: ${g.reason}\n`);
  }
  return gaps.length > 0 ? EXIT.upstream : EXIT.ok;
}

function positiveInt(raw: unknown, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('USAGE', { reason: `${flag} must be a positive whole number` });
  return n;
}

/** `collect aws`: a configuration snapshot of one or many accounts through the AWS SDK. */
export const collectAws: Command = {
  path: ['collect', 'aws'],
  summary:
    'Collect an AWS configuration snapshot (EC2, SSM, ECR, Lambda, RDS, S3, IAM, KMS, CloudTrail, ELB, Logs, DynamoDB, EFS, Backup, GuardDuty, Secrets Manager, ACM, SNS, Organizations)',
  usage:
    '--region R [--region R]… [--account ID]… [--organization] [--role NAME] [--external-id X] [--service S]… [--max-attempts N] [--json]',
  help: `Credentials come from the AWS SDK's standard provider chain (environment, shared config and
SSO, instance/container roles); nothing is stored. Without --account or --organization the
caller's own account is collected. Member accounts are entered with sts:AssumeRole on
--role (default PatchWardenReadOnly; give it ReadOnlyAccess or SecurityAudit).
--organization   every ACTIVE account of the caller's AWS Organization
--service S      only these services: ec2 (with EBS snapshots and flow logs), ssm, ecr, lambda,
                 rds (with snapshots and clusters), s3, iam, kms, cloudtrail, elbv2, logs,
                 dynamodb, efs, backup, guardduty, secretsmanager, acm, sns, organizations;
                 the others are recorded as not collected, so no check judges them
A service or account the credentials cannot read is reported as a gap: exit 3 when any gap
remains, so a partial inventory never passes as complete. See docs/cloud-snapshot.md.`,
  options: {
    region: { type: 'string', multiple: true },
    account: { type: 'string', multiple: true },
    organization: { type: 'boolean' },
    role: { type: 'string' },
    'external-id': { type: 'string' },
    service: { type: 'string', multiple: true },
    'max-attempts': { type: 'string' },
  },
  async run(ctx) {
    if (ctx.positionals.length) throw new AppError('USAGE', { reason: `unexpected '${ctx.positionals[0]}'` });
    const regions = (ctx.values.region as string[] | undefined) ?? [];
    if (regions.length === 0) throw new AppError('USAGE', { reason: 'at least one --region is required' });
    const accounts = (ctx.values.account as string[] | undefined) ?? [];
    const bad = accounts.find((a) => !/^\d{12}$/.test(a));
    if (bad) throw new AppError('USAGE', { reason: `--account ${bad}: an AWS account id is 12 digits` });
    const services = ctx.values.service as string[] | undefined;
    const { AWS_SERVICES } = await import('../../sources/cloud/aws/collectors.js');
    const unknown = services?.find((s) => !AWS_SERVICES.includes(s));
    if (unknown) {
      throw new AppError('USAGE', { reason: `--service ${unknown}: one of ${AWS_SERVICES.join(', ')}` });
    }
    const role = ctx.values.role as string | undefined;
    const externalId = ctx.values['external-id'] as string | undefined;
    const { importAws } = await import('../../services/import-aws.js');
    const bar = progressBar(ctx.io, 'account × region', ctx.json);
    const r = await importAws(await ctx.db(), {
      regions,
      actor: ctx.actor,
      maxAttempts: positiveInt(ctx.values['max-attempts'], '--max-attempts') ?? 8,
      ...(accounts.length > 0 && { accounts }),
      ...(ctx.values.organization === true && { organization: true }),
      ...(role !== undefined && { roleName: role }),
      ...(externalId !== undefined && { externalId }),
      ...(services !== undefined && { services }),
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.stop();
    return report(ctx, `aws ${regions.join(', ')}`, r);
  },
};

/** `collect azure`: the tenant's subscriptions through Azure Resource Graph. */
export const collectAzure: Command = {
  path: ['collect', 'azure'],
  summary: 'Collect an Azure snapshot (VMs with Update Manager assessments, storage, SQL, NSGs, Key Vaults)',
  usage: '[--subscription ID]… [--management-group NAME] [--json]',
  help: `Credentials come from @azure/identity's DefaultAzureCredential chain (environment, workload or
managed identity, Azure CLI, …); nothing is stored. Without --subscription every Enabled
subscription the credential can see is collected; the principal needs Reader. A subscription
or query the credential may not read is a gap: exit 3 when any gap remains.`,
  options: { subscription: { type: 'string', multiple: true }, 'management-group': { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length) throw new AppError('USAGE', { reason: `unexpected '${ctx.positionals[0]}'` });
    const subscriptions = ctx.values.subscription as string[] | undefined;
    const managementGroup = ctx.values['management-group'] as string | undefined;
    if (subscriptions && managementGroup) {
      throw new AppError('USAGE', { reason: '--subscription and --management-group exclude each other' });
    }
    const { importAzure } = await import('../../services/import-azure.js');
    const r = await importAzure(await ctx.db(), {
      actor: ctx.actor,
      ...(subscriptions && { subscriptions }),
      ...(managementGroup && { managementGroup }),
    });
    return report(ctx, 'azure', r);
  },
};

/** `import aws-config`: an AWS Config configuration snapshot file, no credentials needed. */
export const importAwsConfig: Command = {
  path: ['import', 'aws-config'],
  summary: 'Import an AWS Config configuration snapshot (.json or .json.gz as delivered to S3)',
  usage: '<snapshot.json[.gz]> [--json]',
  help: `The snapshot Config delivers to S3 (AWSLogs/<account>/Config/<region>/…/ConfigSnapshot/…)
holds the same configuration items a live collection produces, so inventory and posture work
without credentials. Deleted and unrecorded items are skipped and counted. Re-importing the
same snapshot changes nothing.`,
  async run(ctx) {
    const [file, ...extra] = ctx.positionals;
    if (!file || extra.length)
      throw new AppError('USAGE', { reason: 'expected exactly one <snapshot.json>' });
    const { importAwsConfigSnapshot } = await import('../../services/import-aws-config.js');
    const r = await importAwsConfigSnapshot(await ctx.db(), file, { actor: ctx.actor });
    if (ctx.json) ctx.printJson(r);
    else if (r.status === 'unchanged')
      ctx.print(`${file}: already imported (import #${r.importId}); nothing changed`);
    else {
      ctx.print(
        `${file}: ${r.resources} configuration items, ${r.assets} assets (${r.created} new), ${r.skipped.length} deleted or unrecorded items skipped`,
      );
    }
    return EXIT.ok;
  },
};
