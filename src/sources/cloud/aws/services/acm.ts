/**
 * ACM collector (regional): `AWS::ACM::Certificate` per certificate. ListCertificates returns
 * only RSA_1024/RSA_2048 certificates unless `Includes.keyTypes` names the others, and only
 * AWS_MANAGED/CUSTOMER_PROVIDED key pairs unless `CertificateKeyPairOrigins` does (ACM API
 * Reference, "Filters" and ListCertificates), so both name every value the SDK knows.
 *
 * `configuration` is the list summary overlaid with DescribeCertificate's `Certificate`,
 * camel-cased: `notAfter`, `inUseBy`, `type` (AMAZON_ISSUED | IMPORTED | PRIVATE),
 * `renewalEligibility`, `keyAlgorithm`, `status`, `domainName`. When DescribeCertificate is
 * denied the summary still carries `notAfter`, `keyAlgorithm` and `inUse`; `inUseBy` is then
 * missing. Tags from ListTagsForCertificate (missing → `{}` and a gap).
 */
import {
  ACMClient,
  CertificateKeyPairOrigin,
  type CertificateSummary,
  DescribeCertificateCommand,
  KeyAlgorithm,
  ListTagsForCertificateCommand,
  paginateListCertificates,
} from '@aws-sdk/client-acm';
import { type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape } from './compute-resource.js';

/** Collects the region's certificates of every key type. */
export const acmCollector: AwsServiceCollector = {
  service: 'acm',
  scope: 'regional',
  async collect(ctx) {
    const acm = new ACMClient(ctx.client);
    try {
      // ListCertificates MaxItems 1–1000, paged with NextToken.
      const listed = await ctx.guarded('acm', 'ListCertificates', () =>
        allPages(
          paginateListCertificates(
            { client: acm, pageSize: 1000 },
            {
              Includes: { keyTypes: Object.values(KeyAlgorithm) },
              CertificateKeyPairOrigins: Object.values(CertificateKeyPairOrigin),
            },
          ),
          (p) => p.CertificateSummaryList,
        ),
      );
      const out: CloudResource[] = [];
      for (const summary of listed ?? []) {
        if (summary.CertificateArn) out.push(await certificate(ctx, acm, summary, summary.CertificateArn));
      }
      return out;
    } finally {
      acm.destroy();
    }
  },
};

async function certificate(
  ctx: AwsContext,
  acm: ACMClient,
  summary: CertificateSummary,
  CertificateArn: string,
): Promise<CloudResource> {
  const described = await ctx.guarded('acm', 'DescribeCertificate', () =>
    acm.send(new DescribeCertificateCommand({ CertificateArn })),
  );
  const tags = await ctx.guarded('acm', 'ListTagsForCertificate', () =>
    acm.send(new ListTagsForCertificateCommand({ CertificateArn })),
  );
  return cloudResource(ctx, {
    type: 'AWS::ACM::Certificate',
    id: CertificateArn,
    name: summary.DomainName ?? CertificateArn,
    tags: tagRecord(tags?.Tags ?? []),
    configuration: configShape({ ...summary, ...described?.Certificate }),
  });
}
