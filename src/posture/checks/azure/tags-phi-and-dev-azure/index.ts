/**
 * A resource tagged both PHI and dev/test (seed pattern #14 in POSTURE-ANCHORS.md; no rule pack
 * has it). PHI comes from src/core/phi.ts `classifyPhi`, the environment from
 * `environmentFromTags` (`Environment`/`Env`: dev, development, sandbox, test, qa, uat).
 * Either the data is real ePHI in a weaker environment, or the tag is wrong and scoping is off.
 */
import { environmentFromTags } from '../../../../core/phi.js';
import { type PostureCheck, result } from '../../../check.js';
import { phiOf } from '../_shared/arm.js';

const NON_PROD = new Set(['dev', 'test']);

export const check: PostureCheck = {
  id: 'tags-phi-and-dev-azure',
  provider: 'azure',
  title: 'No Azure resource is tagged both PHI and dev/test',
  severity: 'medium',
  resourceType: '*',
  citations: ['164.308(a)(1)(ii)(B)', '164.308(a)(4)(i)'],
  risk: 'Dev/test environments have wider access and weaker controls; real ePHI there is exposed to people and processes not authorised for it, or a mis-tag takes a resource out of PHI scope.',
  remediation: {
    text: 'Decide which tag is wrong: move real ePHI out of dev/test (use de-identified or synthetic data, 164.514(b)), or correct the PHI / Environment tag. Portal: the resource → Tags → edit → Save. Enforce with an Azure Policy deny on this tag combination.',
    cli: 'az tag update --resource-id <resource-id> --operation Merge --tags PHI=false\n# or: az tag update --resource-id <resource-id> --operation Merge --tags Environment=prod',
    terraform:
      'resource "azurerm_linux_virtual_machine" "x" {\n  # ...\n  tags = { PHI = "false", Environment = "dev" } # never PHI=true with dev/test\n}',
    url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources',
  },
  evaluate(snapshot) {
    return snapshot.resources
      .filter((r) => r.provider === 'azure')
      .flatMap((r) => {
        const phi = phiOf(r);
        if (!phi.phi) return [];
        const environment = environmentFromTags(r.tags);
        const evidence = { ...phi, environment, tags: r.tags };
        return NON_PROD.has(environment)
          ? [result(check, r, 'fail', `Tagged PHI and Environment ${environment} at once.`, evidence)]
          : [result(check, r, 'pass', `PHI resource in environment ${environment}.`, evidence)];
      });
  },
};
