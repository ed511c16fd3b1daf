/**
 * Secrets Manager collector (regional): `AWS::SecretsManager::Secret` per secret from ListSecrets
 * alone — it carries everything the checks need: `rotationEnabled`, `rotationRules`
 * (`automaticallyAfterDays`, `scheduleExpression`, `duration`), `lastRotatedDate`,
 * `nextRotationDate`, `lastAccessedDate`, `createdDate`, `kmsKeyId` (absent when the AWS managed
 * key aws/secretsmanager encrypts the secret: SecretListEntry, Secrets Manager API Reference) and
 * the tags. Secret values are never read: no GetSecretValue / BatchGetSecretValue call exists
 * here, and the collector's permissions need not include them.
 *
 * `secretVersionsToStages` is left out: version ids change at every rotation and say nothing a
 * check uses, so keeping them would make every collection look changed. Secrets scheduled for
 * deletion are not listed (ListSecrets' default, IncludePlannedDeletion false).
 */
import { paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { tagRecord } from '../../../../core/cloud.js';
import type { AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape } from './compute-resource.js';

/** Collects the region's secrets (metadata only). */
export const secretsmanagerCollector: AwsServiceCollector = {
  service: 'secretsmanager',
  scope: 'regional',
  async collect(ctx) {
    const sm = new SecretsManagerClient(ctx.client);
    try {
      // ListSecrets MaxResults 1–100, paged with NextToken.
      const secrets = await ctx.guarded('secretsmanager', 'ListSecrets', () =>
        allPages(paginateListSecrets({ client: sm, pageSize: 100 }, {}), (p) => p.SecretList),
      );
      return (secrets ?? []).flatMap((s) => {
        // The ARN ends in a random suffix only AWS knows: an entry without one cannot be keyed.
        if (!s.ARN) return [];
        return [
          cloudResource(ctx, {
            type: 'AWS::SecretsManager::Secret',
            id: s.ARN,
            name: s.Name ?? s.ARN,
            tags: tagRecord(s.Tags),
            configuration: configShape({ ...s, Tags: undefined, SecretVersionsToStages: undefined }),
          }),
        ];
      });
    } finally {
      sm.destroy();
    }
  },
};
