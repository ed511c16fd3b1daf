/**
 * MFA for identities with roles over PHI subscriptions (Prowler `entra_privileged_user_has_mfa`,
 * `entra_conditional_access_policy_require_mfa_for_management_api`). Manual by design: Entra ID
 * conditional access policies, authentication methods and role assignments are not collected
 * (Microsoft Graph, not ARM / Resource Graph). One result per subscription of the snapshot.
 */
import { GLOBAL_REGION } from '../../../../core/cloud.js';
import { type PostureCheck, result } from '../../../check.js';
import { ARM } from '../_shared/arm.js';

const REASON =
  'Entra ID conditional access and role assignments are not collected: confirm that a conditional access policy requires MFA for every user holding Owner, Contributor or User Access Administrator on this subscription, and for the Azure management API.';

export const check: PostureCheck = {
  id: 'entra-mfa-phi-roles',
  provider: 'azure',
  title: 'Privileged roles on subscriptions with PHI require MFA (Entra ID conditional access)',
  severity: 'high',
  resourceType: ARM.subscription,
  citations: ['164.312(d)', '164.312(a)(1)', '164.308(a)(5)(ii)(D)'],
  risk: 'A phished or reused password of an Owner/Contributor gives full control of the resources that hold ePHI.',
  remediation: {
    text: 'Entra admin center → Protection → Conditional Access → New policy: users = directory roles / groups with Azure RBAC on PHI subscriptions; target resources = "Microsoft Azure Management" (Windows Azure Service Management API); grant = Require multifactor authentication (or authentication strength "Phishing-resistant MFA") → On.',
    cli: "az rest --method GET --url https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies  # review the policies\naz role assignment list --subscription <sub> --all --query \"[?roleDefinitionName=='Owner' || roleDefinitionName=='Contributor']\"",
    terraform:
      'resource "azuread_conditional_access_policy" "mfa_admins" {\n  display_name = "Require MFA for Azure management"\n  state        = "enabled"\n  conditions {\n    client_app_types = ["all"]\n    applications { included_applications = ["797f4846-ba00-4fd7-ba43-dac1f8f63013"] }\n    users { included_groups = [var.phi_admins_group_id] }\n  }\n  grant_controls {\n    operator          = "OR"\n    built_in_controls = ["mfa"]\n  }\n}',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-old-require-mfa-azure-mgmt',
  },
  evaluate(snapshot) {
    const subs = new Set<string>();
    if (snapshot.provider === 'azure') for (const a of snapshot.accounts) subs.add(a.toLowerCase());
    for (const r of snapshot.resources) if (r.provider === 'azure') subs.add(r.account.toLowerCase());
    return [...subs].sort().map((sub) =>
      result(
        check,
        { account: sub, region: GLOBAL_REGION, id: `/subscriptions/${sub}`, type: ARM.subscription },
        'manual',
        REASON,
        {
          collected: false,
          source: 'Entra ID conditional access (Microsoft Graph) is not in the snapshot',
        },
      ),
    );
  },
};
