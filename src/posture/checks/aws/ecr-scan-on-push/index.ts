/**
 * ECR repositories scan images on push (`ImageScanningConfiguration.ScanOnPush`, Config's
 * PascalCase shape). Registry-level enhanced scanning (Amazon Inspector) is not collected, so a
 * repository covered only by it fails here; the message says to check that setting.
 */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, resourcesOf, result } from '../../../check.js';
import { isPhi, rec } from '../_compute/util.js';

const TYPE = 'AWS::ECR::Repository';

export const check: PostureCheck = {
  id: 'ecr-scan-on-push',
  provider: 'aws',
  title: 'ECR repositories scan images on push',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'],
  risk: "Images pushed without a scan reach production with unknown vulnerabilities; nothing records the image's exposure when it was deployed.",
  remediation: {
    text: 'ECR console → Repositories → select → Edit → enable "Scan on push"; better, turn on enhanced scanning (Amazon Inspector) with continuous scanning in Private registry → Scanning configuration.',
    cli: 'aws ecr put-image-scanning-configuration --repository-name <name> --image-scanning-configuration scanOnPush=true\naws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules \'[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\'',
    terraform:
      'resource "aws_ecr_repository" "repo" {\n  name = "app"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, TYPE).map((r) => {
      const scanOnPush = rec(r.configuration.ImageScanningConfiguration)?.ScanOnPush;
      const evidence = { scanOnPush, phi: isPhi(r) };
      if (scanOnPush === true) return result(check, r, 'pass', 'Scan on push is enabled.', evidence);
      if (scanOnPush === false)
        return result(
          check,
          r,
          'fail',
          'Scan on push is disabled (registry-level enhanced scanning, if any, is not collected).',
          evidence,
        );
      return result(
        check,
        r,
        'manual',
        "The repository's scanning configuration was not recorded.",
        evidence,
      );
    });
    return [...out, ...listingErrors(check, snapshot, 'ecr', ['DescribeRepositories'], 'repository/*')];
  },
};
