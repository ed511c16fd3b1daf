/**
 * ECR images of PHI repositories (images carry their repository's tags, ecr.ts) have no CRITICAL
 * findings in their latest scan (`imageScanFindingsSummary.findingSeverityCounts.CRITICAL`).
 * An image never scanned, or whose scan did not complete, is `manual`.
 */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, operationGap, resourcesOf, result } from '../../../check.js';
import { isPhi, num, rec, str } from '../_compute/util.js';

const TYPE = 'AWS::ECR::Image';

export const check: PostureCheck = {
  id: 'ecr-image-critical-findings',
  provider: 'aws',
  title: 'PHI container images have no critical vulnerability findings',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'],
  risk: 'A PHI workload image with critical vulnerabilities gives attackers a known path to the ePHI it processes every time it is deployed.',
  remediation: {
    text: 'ECR console → repository → image → Vulnerabilities: update the base image and the affected packages, rebuild, push, redeploy, and remove or expire the vulnerable tag.',
    cli: 'aws ecr describe-image-scan-findings --repository-name <name> --image-id imageDigest=<digest> --query "imageScanFindings.findings[?severity==\'CRITICAL\']"\naws ecr batch-delete-image --repository-name <name> --image-ids imageDigest=<digest>',
    terraform:
      'resource "aws_ecr_lifecycle_policy" "expire_untagged" {\n  repository = aws_ecr_repository.repo.name\n  policy = jsonencode({ rules = [{ rulePriority = 1, selection = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 14 }, action = { type = "expire" } }] })\n}',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, TYPE).flatMap((r) => {
      if (!isPhi(r)) {
        const gap =
          Object.keys(r.tags).length === 0
            ? operationGap(snapshot, 'ecr', ['ListTagsForResource'], r.account, r.region)
            : undefined;
        return gap
          ? [result(check, r, 'error', `The repository's tags could not be read: ${gap}.`, { gap })]
          : [];
      }
      const summary = rec(r.configuration.imageScanFindingsSummary);
      const counts = rec(summary?.findingSeverityCounts);
      const scanStatus = str(rec(r.configuration.imageScanStatus)?.status);
      const critical = num(counts?.CRITICAL) ?? (summary && scanStatus === 'COMPLETE' ? 0 : undefined);
      const evidence = {
        imageDigest: r.configuration.imageDigest,
        imageTags: r.configuration.imageTags,
        scanStatus,
        findingSeverityCounts: counts ?? null,
      };
      if (critical === undefined)
        return [
          result(
            check,
            r,
            'manual',
            `No completed scan of the image (status ${scanStatus ?? 'none'}).`,
            evidence,
          ),
        ];
      return [
        critical > 0
          ? result(check, r, 'fail', `The PHI image has ${critical} critical finding(s).`, evidence)
          : result(check, r, 'pass', 'The PHI image has no critical findings.', evidence),
      ];
    });
    return [
      ...out,
      ...listingErrors(check, snapshot, 'ecr', ['DescribeRepositories', 'DescribeImages'], 'repository/*'),
    ];
  },
};
