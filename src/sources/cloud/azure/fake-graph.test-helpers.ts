/**
 * The fixture tenant's Microsoft Graph v1.0 answers: conditional access policies
 * (`conditionalAccessPolicy` resource type: `state`, `conditions.users` / `applications` /
 * `clientAppTypes`, `grantControls.builtInControls` / `authenticationStrength`) and the security
 * defaults policy (`identitySecurityDefaultsEnforcementPolicy`). Values are ours.
 *
 * None of the policies enforces MFA for all users or for every admin role: the only enabled MFA
 * policy covers Global Administrators alone; the all-users one is report-only, the admin-roles
 * one is off, and the legacy-authentication one blocks rather than asks for MFA. Security
 * defaults are off.
 */
export const DIRECTORY_ROLES = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  conditionalAccessAdministrator: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
} as const;

const USERS_NONE: Record<string, string[] | null> = {
  includeUsers: [],
  excludeUsers: [],
  includeGroups: [],
  excludeGroups: [],
  includeRoles: [],
  excludeRoles: [],
  includeGuestsOrExternalUsers: null,
  excludeGuestsOrExternalUsers: null,
};

function policy(
  n: number,
  displayName: string,
  state: string,
  users: Partial<typeof USERS_NONE>,
  grant: { operator: string; builtInControls: string[] },
  clientAppTypes: string[] = ['all'],
): Record<string, unknown> {
  return {
    id: `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    templateId: null,
    displayName,
    createdDateTime: '2025-09-01T12:00:00.0000000Z',
    modifiedDateTime: '2026-02-10T09:30:00.0000000Z',
    state,
    sessionControls: null,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes,
      servicePrincipalRiskLevels: [],
      platforms: null,
      locations: null,
      devices: null,
      clientApplications: null,
      applications: {
        includeApplications: ['All'],
        excludeApplications: [],
        includeUserActions: [],
        includeAuthenticationContextClassReferences: [],
        applicationFilter: null,
      },
      users: { ...USERS_NONE, ...users },
    },
    grantControls: {
      customAuthenticationFactors: [],
      termsOfUse: [],
      authenticationStrength: null,
      ...grant,
    },
  };
}

const MFA = { operator: 'OR', builtInControls: ['mfa'] };

/** `GET /v1.0/identity/conditionalAccess/policies` items. */
export const CA_POLICIES: Record<string, unknown>[] = [
  policy(
    1,
    'Require MFA for Global Administrators',
    'enabled',
    {
      includeRoles: [DIRECTORY_ROLES.globalAdministrator],
      // The emergency-access account, as Microsoft recommends.
      excludeUsers: ['e0000000-0000-4000-8000-000000000001'],
    },
    MFA,
  ),
  policy(
    2,
    'Require MFA for all users (pilot)',
    'enabledForReportingButNotEnforced',
    { includeUsers: ['All'] },
    MFA,
  ),
  policy(3, 'Require MFA for admin roles', 'disabled', { includeRoles: Object.values(DIRECTORY_ROLES) }, MFA),
  policy(
    4,
    'Block legacy authentication',
    'enabled',
    { includeUsers: ['All'] },
    { operator: 'OR', builtInControls: ['block'] },
    ['exchangeActiveSync', 'other'],
  ),
];

/** `GET /v1.0/policies/identitySecurityDefaultsEnforcementPolicy`. */
export const SECURITY_DEFAULTS = {
  '@odata.context':
    'https://graph.microsoft.com/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity',
  id: '00000000-0000-0000-0000-000000000005',
  displayName: 'Security Defaults',
  description:
    'Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization.',
  isEnabled: false,
};
