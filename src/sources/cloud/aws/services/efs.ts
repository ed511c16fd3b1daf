/**
 * Amazon EFS collector (regional): `AWS::EFS::FileSystem` per file system (Amazon EFS API
 * Reference, REST-JSON: DescribeFileSystems, DescribeBackupPolicy).
 *
 * - `configuration` is DescribeFileSystems' `FileSystemDescription` camel-cased (`fileSystemId`,
 *   `fileSystemArn`, `encrypted`, `kmsKeyId` — absent when unencrypted, `lifeCycleState`,
 *   `performanceMode`, `throughputMode`, `tags`). AWS Config records EFS in the CloudFormation
 *   shape (`Encrypted`, `BackupPolicy.Status`, `FileSystemTags`); we keep the API's members
 *   camel-cased, as for the other services, and the checks read that.
 * - Tags come inline with each file system.
 * - `supplementary.backupPolicy` is DescribeBackupPolicy's `{status}` (ENABLED, ENABLING, DISABLED,
 *   DISABLING): EFS automatic backups into AWS Backup's default plan. It is `null` when the file
 *   system has no backup policy (the API answers `PolicyNotFound`), and missing when the call was
 *   denied.
 *
 * DescribeFileSystems pages with `Marker`/`NextMarker`.
 */
import { DescribeBackupPolicyCommand, EFSClient, paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import { tagRecord } from '../../../../core/cloud.js';
import type { AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape, regionalArn } from './compute-resource.js';

export const EFS_FILE_SYSTEM_TYPE = 'AWS::EFS::FileSystem';

/** Collects EFS file systems with their automatic-backup policy. */
export const efsCollector: AwsServiceCollector = {
  service: 'efs',
  scope: 'regional',
  async collect(ctx) {
    const efs = new EFSClient(ctx.client);
    try {
      // DescribeFileSystems MaxItems up to 100 (the API's default and maximum page).
      const found = await ctx.guarded('efs', 'DescribeFileSystems', () =>
        allPages(paginateDescribeFileSystems({ client: efs, pageSize: 100 }, {}), (p) => p.FileSystems),
      );
      const out = [];
      for (const fs of found ?? []) {
        const FileSystemId = fs.FileSystemId;
        if (FileSystemId === undefined) continue;
        const policy = await ctx.guarded('efs', 'DescribeBackupPolicy', async () => {
          try {
            const answer = await efs.send(new DescribeBackupPolicyCommand({ FileSystemId }));
            return answer.BackupPolicy ? configShape(answer.BackupPolicy) : null;
          } catch (err) {
            // "Returned if no backup is specified for a file system" (DescribeBackupPolicy errors).
            if (err instanceof Error && err.name === 'PolicyNotFound') return null;
            throw err;
          }
        });
        const tags = tagRecord(fs.Tags);
        out.push(
          cloudResource(ctx, {
            type: EFS_FILE_SYSTEM_TYPE,
            id: fs.FileSystemArn ?? regionalArn(ctx, 'elasticfilesystem', `file-system/${FileSystemId}`),
            name: fs.Name || tags.Name || FileSystemId,
            tags,
            configuration: configShape(fs),
            supplementary: policy === undefined ? {} : { backupPolicy: policy },
          }),
        );
      }
      return out;
    } finally {
      efs.destroy();
    }
  },
};
