/**
 * MFA for the identities that can reach PHI subscriptions, through Entra ID conditional access
 * (Microsoft Graph `identity/conditionalAccess/policies` and security defaults, read by the
 * collector into the tenant's `microsoft.graph/conditionalaccess` resource). Anchors: Prowler
 * `entra_conditional_access_policy_require_mfa_for_management_api` (an enabled policy, all users,
 * Azure management, MFA) and `entra_privileged_user_has_mfa`; seed pattern #12, "conditional
 * access without MFA for PHI roles". See _shared/conditional-access.ts for which policies count.
 *
 * Passes when security defaults are on, or an enforcing policy covers all users, or enforcing
 * policies cover every admin directory role; `manual` when MFA policies target groups or named
 * users (membership is not collected); fails otherwise. When Graph could not be read (no
 * `Policy.Read.All`, or collected with `entra` off) the result is `manual` with the reason, never
 * pass or fail. One result per subscription holding PHI-tagged resources (or tagged PHI itself),
 * judged with the policies of the subscription's tenant.
 */

import { GLOBAL_REGION } from '../../../../core/cloud.js';
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, obj, phiOf, str, subscriptionsOf } from '../_shared/arm.js';
import { judgeMfa } from '../_shared/conditional-access.js';

export const check: PostureCheck = {
  id: 'entra-mfa-phi-roles',
  provider: 'azure',
  title: 'Privileged roles on subscriptions with PHI require MFA (Entra ID conditional access)',
  severity: 'high',
  resourceType: ARM.subscription,
  citations: ['164.312(d)', '164.312(a)(1)', '164.308(a)(5)(ii)(D)'],
  risk: 'A phished or reused password of an Owner/Contributor or directory admin gives full control of the resources that hold ePHI.',
  remediation: {
    text: 'Entra admin center → Protection → Conditional Access → New policy: users = All users (exclude the emergency-access accounts) or at least the admin directory roles; target resources = All cloud apps or "Microsoft Azure Management"; grant = Require multifactor authentication (or authentication strength "Phishing-resistant MFA") → On. Grant the collector Policy.Read.All so the policy can be verified.',
    cli: "az rest --method GET --url https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies  # review the policies\naz role assignment list --subscription <sub> --all --query \"[?roleDefinitionName=='Owner' || roleDefinitionName=='Contributor']\"",
    terraform:
      'resource "azuread_conditional_access_policy" "mfa_azure" {\n  display_name = "Require MFA for Azure management"\n  state        = "enabled"\n  conditions {\n    client_app_types = ["all"]\n    applications { included_applications = ["797f4846-ba00-4fd7-ba43-dac1f8f63013"] }\n    users {\n      included_users = ["All"]\n      excluded_users = var.emergency_access_accounts\n    }\n  }\n  grant_controls {\n    operator          = "OR"\n    built_in_controls = ["mfa"]\n  }\n}',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-old-require-mfa-azure-mgmt',
  },
  evaluate(snapshot) {
    const subs = new Map(resourcesOf(snapshot, ARM.subscription).map((r) => [r.account.toLowerCase(), r]));
    const tenants = resourcesOf(snapshot, ARM.conditionalAccess);
    const holdingPhi = new Set(
      snapshot.resources
        .filter((r) => r.provider === 'azure' && r.type !== ARM.conditionalAccess && phiOf(r).phi)
        .map((r) => r.account.toLowerCase()),
    );
    const phiSubs = subscriptionsOf(snapshot).filter((sub) => holdingPhi.has(sub));
    return phiSubs.map((sub) => {
      const subject = subs.get(sub) ?? {
        account: sub,
        region: GLOBAL_REGION,
        id: `/subscriptions/${sub}`,
        type: ARM.subscription,
      };
      const tenant = str(subs.get(sub)?.supplementary.tenantId);
      const ca =
        tenants.find((t) => t.account === tenant) ??
        (tenant === undefined && tenants.length === 1 ? tenants[0] : undefined);
      const graphGap = snapshot.gaps.find(
        (g) =>
          g.service === 'Microsoft.Graph' &&
          (tenant === undefined || g.account === tenant || g.account === 'tenant'),
      );
      const base = { tenantId: tenant ?? null };
      const policies = ca?.configuration.policies;
      const defaults = ca?.supplementary.securityDefaults;
      if (ca === undefined || (!Array.isArray(policies) && obj(defaults).isEnabled !== true)) {
        const why = graphGap
          ? `Entra conditional access could not be read (${graphGap.reason}); grant the collector Microsoft Graph Policy.Read.All`
          : 'Entra conditional access is not in the snapshot (collected without Microsoft Graph)';
        return result(
          check,
          subject,
          'manual',
          `${why}: confirm that a policy requires MFA for every user holding Owner, Contributor or User Access Administrator on this subscription.`,
          { ...base, collected: false, reason: graphGap?.reason ?? null },
        );
      }
      const verdict = judgeMfa(
        Array.isArray(policies) ? policies : [],
        defaults === undefined ? undefined : obj(defaults),
      );
      return result(check, subject, verdict.status, verdict.message, { ...base, ...verdict.evidence });
    });
  },
};
