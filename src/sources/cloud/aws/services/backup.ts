/**
 * AWS Backup collector (regional; AWS Backup API Reference, REST-JSON). Everything is camel-cased
 * from the API; AWS Config records these types in the CloudFormation shape, which we do not mimic.
 *
 * - `AWS::Backup::BackupPlan` (id: plan ARN). `configuration` is GetBackupPlan's answer
 *   (`backupPlanArn`, `backupPlanId`, `versionId`, `backupPlan.backupPlanName`,
 *   `backupPlan.rules[]` with `ruleName`, `scheduleExpression`, `scheduleExpressionTimezone`,
 *   `targetBackupVaultName`, `lifecycle.deleteAfterDays`, `copyActions[]`,
 *   `enableContinuousBackup`). When GetBackupPlan was denied only the listing's fields are there
 *   and `backupPlan` is missing.
 *   `supplementary.backupSelections[]`: the plan's resource assignments. We keep them inside the
 *   plan rather than as `AWS::Backup::BackupSelection` items: selections have no ARN, and every
 *   question about them (is a table covered, does a plan back up PHI) needs the plan anyway.
 *   Each entry is ListBackupSelections' item (`selectionId`, `selectionName`, `iamRoleArn`) plus
 *   `backupSelection`, GetBackupSelection's `BackupSelection` (`resources`, `notResources`,
 *   `listOfTags[]` {conditionType, conditionKey, conditionValue}, `conditions` {stringEquals,
 *   stringNotEquals, stringLike, stringNotLike}). `backupSelection` is missing when that call was
 *   denied, and the whole list is missing when ListBackupSelections was.
 * - `AWS::Backup::BackupVault` (id: vault ARN). `configuration` is ListBackupVaults' item
 *   (`backupVaultName`, `encryptionKeyArn`, `numberOfRecoveryPoints`, `locked`, `lockDate`,
 *   `minRetentionDays`, `vaultType`). In `supplementary`:
 *   - `accessPolicy` is GetBackupVaultAccessPolicy's document, parsed: `null` when the vault has
 *     none (ResourceNotFoundException), missing when denied.
 *   - `recoveryPointsListed` and `recoveryPointsTruncated` say how many recovery points were read
 *     and whether the bound cut the listing. They are missing when the listing was denied.
 * - `AWS::Backup::RecoveryPoint` (id: recovery point ARN), at most `maxRecoveryPointsPerVault`
 *   per vault. `configuration` is ListRecoveryPointsByBackupVault's item (`resourceArn`,
 *   `resourceType`, `status`, `isEncrypted`, `encryptionKeyArn`, `lifecycle`,
 *   `calculatedLifecycle`, `createdBy`). Recovery points carry no tags: asking would cost one call
 *   each.
 * - `AWS::Backup::RegionSettings` (NOT a Config type; id `arn:…:backup:<region>:<account>:region-settings`):
 *   DescribeRegionSettings' `resourceTypeOptInPreference` and `resourceTypeManagementPreference`,
 *   maps keyed by AWS Backup's resource type names (`DynamoDB`, `EFS`, `Aurora`…), kept as
 *   given. Resources matched by a `*` selection or by tags alone are backed up only when their
 *   type is opted in ("Assigning resources to a backup plan", AWS Backup Developer Guide). The
 *   item is always written when the call succeeds, so a snapshot without it and without a backup
 *   gap did not collect AWS Backup in that region.
 *
 * Plans, vaults and plans' and vaults' tags (ListTags) are paginated with `NextToken`.
 */
import {
  BackupClient,
  type BackupPlansListMember,
  type BackupVaultListMember,
  DescribeRegionSettingsCommand,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  GetBackupVaultAccessPolicyCommand,
  ListRecoveryPointsByBackupVaultCommand,
  paginateListBackupPlans,
  paginateListBackupSelections,
  paginateListBackupVaults,
  paginateListTags,
  type RecoveryPointByBackupVault,
} from '@aws-sdk/client-backup';
import type { CloudResource } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape, regionalArn } from './compute-resource.js';

export const BACKUP_PLAN_TYPE = 'AWS::Backup::BackupPlan';
export const BACKUP_VAULT_TYPE = 'AWS::Backup::BackupVault';
export const RECOVERY_POINT_TYPE = 'AWS::Backup::RecoveryPoint';
/** Not an AWS Config type: the region's opt-in per resource type has no Config item. */
export const BACKUP_REGION_SETTINGS_TYPE = 'AWS::Backup::RegionSettings';

/** ListRecoveryPointsByBackupVault MaxResults is 1–1000. */
const RECOVERY_POINT_PAGE = 1000;

export interface BackupCollectorOptions {
  /** Recovery points read per vault; a vault with more is marked `recoveryPointsTruncated`. */
  maxRecoveryPointsPerVault?: number;
}

/** An AWS Backup collector with its own bound on recovery points. */
export function backupCollectorWith(opts: BackupCollectorOptions = {}): AwsServiceCollector {
  const maxPoints = opts.maxRecoveryPointsPerVault ?? 1000;
  return {
    service: 'backup',
    scope: 'regional',
    async collect(ctx) {
      const backup = new BackupClient(ctx.client);
      try {
        const tags = { readable: true };
        return [
          ...(await regionSettings(ctx, backup)),
          ...(await plans(ctx, backup, tags)),
          ...(await vaults(ctx, backup, tags, maxPoints)),
        ];
      } finally {
        backup.destroy();
      }
    },
  };
}

/** Collects AWS Backup plans (with their selections), vaults, recovery points and opt-in settings. */
export const backupCollector: AwsServiceCollector = backupCollectorWith();

async function regionSettings(ctx: AwsContext, backup: BackupClient): Promise<CloudResource[]> {
  const settings = await ctx.guarded('backup', 'DescribeRegionSettings', () =>
    backup.send(new DescribeRegionSettingsCommand({})),
  );
  if (settings === undefined) return [];
  return [
    cloudResource(ctx, {
      type: BACKUP_REGION_SETTINGS_TYPE,
      id: regionalArn(ctx, 'backup', 'region-settings'),
      name: `${ctx.region} AWS Backup settings`,
      // Keyed by resource type names ("DynamoDB", "Storage Gateway"): not camel-cased.
      configuration: {
        resourceTypeOptInPreference: { ...settings.ResourceTypeOptInPreference },
        resourceTypeManagementPreference: { ...settings.ResourceTypeManagementPreference },
      },
    }),
  ];
}

// Tag reads are allowed or denied by IAM alone: after one denial (a gap) stop asking.
async function resourceTags(
  ctx: AwsContext,
  backup: BackupClient,
  ResourceArn: string,
  tags: { readable: boolean },
): Promise<Record<string, string>> {
  if (!tags.readable) return {};
  const read = await ctx.guarded('backup', 'ListTags', async () => {
    const out: Record<string, string> = {};
    for await (const page of paginateListTags({ client: backup }, { ResourceArn }))
      Object.assign(out, page.Tags);
    return out;
  });
  if (read === undefined) tags.readable = false;
  return read ?? {};
}

async function plans(
  ctx: AwsContext,
  backup: BackupClient,
  tags: { readable: boolean },
): Promise<CloudResource[]> {
  const listed = await ctx.guarded('backup', 'ListBackupPlans', () =>
    allPages(paginateListBackupPlans({ client: backup }, {}), (p) => p.BackupPlansList),
  );
  const out: CloudResource[] = [];
  for (const plan of listed ?? []) {
    if (plan.BackupPlanId === undefined || plan.BackupPlanArn === undefined) continue;
    out.push(await collectPlan(ctx, backup, plan, tags));
  }
  return out;
}

async function collectPlan(
  ctx: AwsContext,
  backup: BackupClient,
  plan: BackupPlansListMember,
  tags: { readable: boolean },
): Promise<CloudResource> {
  const BackupPlanId = plan.BackupPlanId as string;
  const arn = plan.BackupPlanArn as string;
  const got = await ctx.guarded('backup', 'GetBackupPlan', () =>
    backup.send(new GetBackupPlanCommand({ BackupPlanId })),
  );
  const supplementary: Record<string, unknown> = {};
  const selections = await ctx.guarded('backup', 'ListBackupSelections', () =>
    allPages(
      paginateListBackupSelections({ client: backup }, { BackupPlanId }),
      (p) => p.BackupSelectionsList,
    ),
  );
  if (selections !== undefined) {
    const entries: Record<string, unknown>[] = [];
    for (const s of selections) {
      const SelectionId = s.SelectionId;
      if (SelectionId === undefined) continue;
      const detail = await ctx.guarded('backup', 'GetBackupSelection', () =>
        backup.send(new GetBackupSelectionCommand({ BackupPlanId, SelectionId })),
      );
      entries.push({
        ...configShape(s),
        ...(detail?.BackupSelection !== undefined && {
          backupSelection: configShape(detail.BackupSelection),
        }),
      });
    }
    supplementary.backupSelections = entries;
  }
  const name = got?.BackupPlan?.BackupPlanName ?? plan.BackupPlanName ?? BackupPlanId;
  return cloudResource(ctx, {
    type: BACKUP_PLAN_TYPE,
    id: arn,
    name,
    tags: await resourceTags(ctx, backup, arn, tags),
    configuration: got ? configShape(got) : configShape(plan),
    supplementary,
  });
}

async function vaults(
  ctx: AwsContext,
  backup: BackupClient,
  tags: { readable: boolean },
  maxPoints: number,
): Promise<CloudResource[]> {
  const listed = await ctx.guarded('backup', 'ListBackupVaults', () =>
    allPages(paginateListBackupVaults({ client: backup }, {}), (p) => p.BackupVaultList),
  );
  const out: CloudResource[] = [];
  for (const vault of listed ?? []) {
    if (vault.BackupVaultName === undefined || vault.BackupVaultArn === undefined) continue;
    out.push(...(await collectVault(ctx, backup, vault, tags, maxPoints)));
  }
  return out;
}

async function collectVault(
  ctx: AwsContext,
  backup: BackupClient,
  vault: BackupVaultListMember,
  tags: { readable: boolean },
  maxPoints: number,
): Promise<CloudResource[]> {
  const BackupVaultName = vault.BackupVaultName as string;
  const arn = vault.BackupVaultArn as string;
  const supplementary: Record<string, unknown> = {};
  const policy = await ctx.guarded('backup', 'GetBackupVaultAccessPolicy', async () => {
    try {
      const answer = await backup.send(new GetBackupVaultAccessPolicyCommand({ BackupVaultName }));
      return answer.Policy === undefined ? null : parsePolicy(answer.Policy);
    } catch (err) {
      // A vault without an access policy answers ResourceNotFoundException.
      if (err instanceof Error && err.name === 'ResourceNotFoundException') return null;
      throw err;
    }
  });
  if (policy !== undefined) supplementary.accessPolicy = policy;
  const points = await ctx.guarded('backup', 'ListRecoveryPointsByBackupVault', () =>
    recoveryPoints(backup, BackupVaultName, maxPoints),
  );
  if (points !== undefined) {
    supplementary.recoveryPointsListed = points.items.length;
    supplementary.recoveryPointsTruncated = points.truncated;
  }
  const vaultResource = cloudResource(ctx, {
    type: BACKUP_VAULT_TYPE,
    id: arn,
    name: BackupVaultName,
    tags: await resourceTags(ctx, backup, arn, tags),
    configuration: configShape(vault),
    supplementary,
  });
  const pointResources = (points?.items ?? []).flatMap((p) =>
    p.RecoveryPointArn === undefined
      ? []
      : [
          cloudResource(ctx, {
            type: RECOVERY_POINT_TYPE,
            id: p.RecoveryPointArn,
            name: p.ResourceName || p.RecoveryPointArn.slice(p.RecoveryPointArn.lastIndexOf(':') + 1),
            configuration: configShape(p),
          }),
        ],
  );
  return [vaultResource, ...pointResources];
}

async function recoveryPoints(
  backup: BackupClient,
  BackupVaultName: string,
  max: number,
): Promise<{ items: RecoveryPointByBackupVault[]; truncated: boolean }> {
  const items: RecoveryPointByBackupVault[] = [];
  let NextToken: string | undefined;
  do {
    const page = await backup.send(
      new ListRecoveryPointsByBackupVaultCommand({
        BackupVaultName,
        MaxResults: Math.max(1, Math.min(RECOVERY_POINT_PAGE, max - items.length)),
        ...(NextToken !== undefined && { NextToken }),
      }),
    );
    items.push(...(page.RecoveryPoints ?? []));
    NextToken = page.NextToken || undefined;
    if (items.length >= max)
      return { items: items.slice(0, max), truncated: NextToken !== undefined || items.length > max };
  } while (NextToken !== undefined);
  return { items, truncated: false };
}

// The policy travels as a JSON string; an unparsable one is kept as text so a check can say so.
function parsePolicy(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
