/**
 * IAM collector (global scope, once per account).
 *
 * Resources and ids:
 * - `AWS::IAM::User`, `AWS::IAM::Role`, `AWS::IAM::Group` (id = ARN): GetAccountAuthorizationDetails'
 *   `UserDetail` / `RoleDetail` / `GroupDetail` camel-cased as Config does (`userName`,
 *   `userPolicyList`, `groupList`, `attachedManagedPolicies`, `assumeRolePolicyDocument`,
 *   `rolePolicyList`, `groupPolicyList`, `permissionsBoundary`, `roleLastUsed`, `tags`), except
 *   that policy documents are URL-decoded and parsed JSON (IAM returns them URL-encoded, RFC 3986;
 *   Config keeps the encoded string). Users carry `supplementary.credentialReport`.
 * - `AWS::IAM::Policy` (id = ARN): customer-managed policies, and AWS-managed ones attached to
 *   something in this account (their ARN, `arn:aws:iam::aws:policy/…`, is the same in every
 *   account; `account` tells which account attaches it). `policyVersionList` keeps only the
 *   default version, the one in force.
 * - `AWS::IAM::PasswordPolicy` (PatchWarden's type; Config has none), id
 *   `arn:<partition>:iam::<account>:account-password-policy`: GetAccountPasswordPolicy camel-cased
 *   (`minimumPasswordLength`, `maxPasswordAge`, `passwordReusePrevention`, …);
 *   `supplementary.configured` is false and `configuration` `{}` when the account has none
 *   (NoSuchEntity).
 * - `AWS::IAM::RootAccount` (PatchWarden's type), id `arn:<partition>:iam::<account>:root` (the
 *   root principal's ARN, as in the credential report): `configuration` = GetAccountSummary's
 *   SummaryMap camel-cased with `accountMFAEnabled`, `accountAccessKeysPresent` and
 *   `accountSigningCertificatesPresent` as booleans; `supplementary.credentialReport` = the
 *   `<root_account>` row; `supplementary.virtualMfa` = whether root's MFA is a virtual device
 *   (ListVirtualMFADevices), so "hardware MFA" is `accountMFAEnabled && !virtualMfa`.
 *
 * Credential report rows (IAM User Guide, "Getting credential reports") keep the CSV column
 * names (`password_enabled`, `mfa_active`, `access_key_1_active`, `access_key_1_last_rotated`,
 * …); `true`/`false` become booleans and `N/A` becomes null, other values stay strings
 * (`not_supported`, `no_information`, ISO dates). Nothing secret is in any of these APIs.
 */
import {
  GenerateCredentialReportCommand,
  type GetAccountAuthorizationDetailsResponse,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  type ManagedPolicyDetail,
  paginateGetAccountAuthorizationDetails,
  paginateListVirtualMFADevices,
  type VirtualMFADevice,
} from '@aws-sdk/client-iam';
import { parse } from 'csv-parse/sync';
import { awsConfigShape, type CloudResource, GLOBAL_REGION, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';

/** Waits between GenerateCredentialReport polls; IAM usually finishes within seconds. */
export const CREDENTIAL_REPORT_WAITS_MS = [500, 1000, 2000, 4000, 8000, 8000] as const;

type Row = Record<string, string | boolean | null>;

/** Collects IAM principals, policies, the password policy and the root account. */
export const iamCollector: AwsServiceCollector = {
  service: 'iam',
  scope: 'global',
  async collect(ctx) {
    const iam = new IAMClient(ctx.client);
    try {
      const report = await credentialReport(ctx, iam);
      const out: CloudResource[] = [];
      const policy = await passwordPolicy(ctx, iam);
      if (policy !== undefined) out.push(policy);
      const root = await rootAccount(ctx, iam, report?.get('<root_account>'));
      if (root !== undefined) out.push(root);
      out.push(...(await authorizationDetails(ctx, iam, report)));
      return out;
    } finally {
      iam.destroy();
    }
  },
};

function base(ctx: AwsContext, type: string, id: string, name: string) {
  return {
    provider: 'aws' as const,
    account: ctx.account,
    region: GLOBAL_REGION,
    type,
    id,
    name,
    source: 'aws-sdk',
  };
}

async function passwordPolicy(ctx: AwsContext, iam: IAMClient): Promise<CloudResource | undefined> {
  const got = await ctx.guarded('iam', 'GetAccountPasswordPolicy', async () => {
    try {
      return (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy ?? null;
    } catch (err) {
      // NoSuchEntity: "the account has no password policy" (IAM API Reference, GetAccountPasswordPolicy).
      if (err instanceof Error && err.name === 'NoSuchEntityException') return null;
      throw err;
    }
  });
  if (got === undefined) return undefined;
  const id = `arn:${ctx.partition}:iam::${ctx.account}:account-password-policy`;
  return {
    ...base(ctx, 'AWS::IAM::PasswordPolicy', id, 'account-password-policy'),
    tags: {},
    configuration: (awsConfigShape(got ?? {}) ?? {}) as Record<string, unknown>,
    supplementary: { configured: got !== null },
  };
}

const SUMMARY_FLAGS = ['AccountMFAEnabled', 'AccountAccessKeysPresent', 'AccountSigningCertificatesPresent'];

async function rootAccount(
  ctx: AwsContext,
  iam: IAMClient,
  row: Row | undefined,
): Promise<CloudResource | undefined> {
  const rootArn = `arn:${ctx.partition}:iam::${ctx.account}:root`;
  const summary = await ctx.guarded('iam', 'GetAccountSummary', () =>
    iam.send(new GetAccountSummaryCommand({})),
  );
  const devices = await ctx.guarded('iam', 'ListVirtualMFADevices', async () => {
    const out: VirtualMFADevice[] = [];
    for await (const page of paginateListVirtualMFADevices(
      { client: iam },
      { AssignmentStatus: 'Assigned' },
    )) {
      out.push(...(page.VirtualMFADevices ?? []));
    }
    return out;
  });
  if (summary === undefined && row === undefined) return undefined;
  const configuration: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(summary?.SummaryMap ?? {})) {
    configuration[k.charAt(0).toLowerCase() + k.slice(1)] = SUMMARY_FLAGS.includes(k) ? v === 1 : v;
  }
  const supplementary: Record<string, unknown> = {};
  if (row !== undefined) supplementary.credentialReport = row;
  if (devices !== undefined) {
    // Root's virtual device is named `root-account-mfa-device` (IAM User Guide, "Enable a virtual
    // MFA device for your AWS account root user").
    supplementary.virtualMfa = devices.some(
      (d) => d.User?.Arn === rootArn || (d.SerialNumber ?? '').endsWith(':mfa/root-account-mfa-device'),
    );
  }
  return {
    ...base(ctx, 'AWS::IAM::RootAccount', rootArn, '<root_account>'),
    tags: {},
    configuration,
    supplementary,
  };
}

async function credentialReport(ctx: AwsContext, iam: IAMClient): Promise<Map<string, Row> | undefined> {
  return ctx.guarded('iam', 'GetCredentialReport', async () => {
    // GenerateCredentialReport starts (or reuses, if under 4 hours old) the report; poll until
    // COMPLETE (IAM API Reference, GenerateCredentialReport). If it never completes,
    // GetCredentialReport fails with ReportInProgress and the collection stops with CLOUD_API.
    for (const wait of [0, ...CREDENTIAL_REPORT_WAITS_MS]) {
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const { State } = await iam.send(new GenerateCredentialReportCommand({}));
      if (State === 'COMPLETE') break;
    }
    const got = await iam.send(new GetCredentialReportCommand({}));
    const text = new TextDecoder().decode(got.Content ?? new Uint8Array());
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    return new Map(rows.map((r) => [r.user ?? '', typedRow(r)]));
  });
}

function typedRow(r: Record<string, string>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(r))
    out[k] = v === 'true' ? true : v === 'false' ? false : v === 'N/A' ? null : v;
  return out;
}

// Keys whose values IAM returns as URL-encoded JSON policy documents, as sent and camel-cased.
const DOCUMENT_KEYS = new Set([
  'PolicyDocument',
  'AssumeRolePolicyDocument',
  'Document',
  'policyDocument',
  'assumeRolePolicyDocument',
  'document',
]);

/** URL-decode and parse the policy documents anywhere in an IAM response; others untouched. */
export function decodePolicyDocuments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodePolicyDocuments);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = DOCUMENT_KEYS.has(k) && typeof v === 'string' ? parseDocument(v) : decodePolicyDocuments(v);
  }
  return out;
}

function parseDocument(text: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(text));
  } catch {
    return text; // Kept as IAM sent it rather than dropped: a check will report it unreadable.
  }
}

// Camel-case first, then decode: policy documents keep their own key case (`Statement`, `Effect`).
function shaped(detail: object): Record<string, unknown> {
  return decodePolicyDocuments(awsConfigShape(detail)) as Record<string, unknown>;
}

async function authorizationDetails(
  ctx: AwsContext,
  iam: IAMClient,
  report: Map<string, Row> | undefined,
): Promise<CloudResource[]> {
  const pages = await ctx.guarded('iam', 'GetAccountAuthorizationDetails', async () => {
    const out: GetAccountAuthorizationDetailsResponse[] = [];
    for await (const page of paginateGetAccountAuthorizationDetails({ client: iam }, {})) out.push(page);
    return out;
  });
  const out: CloudResource[] = [];
  for (const page of pages ?? []) {
    for (const u of page.UserDetailList ?? []) {
      if (u.Arn === undefined || u.UserName === undefined) continue;
      const row = report?.get(u.UserName);
      out.push({
        ...base(ctx, 'AWS::IAM::User', u.Arn, u.UserName),
        tags: tagRecord(u.Tags),
        configuration: shaped(u),
        supplementary: row === undefined ? {} : { credentialReport: row },
      });
    }
    for (const g of page.GroupDetailList ?? []) {
      if (g.Arn === undefined) continue;
      const group = { ...base(ctx, 'AWS::IAM::Group', g.Arn, g.GroupName ?? g.Arn), tags: {} };
      out.push({ ...group, configuration: shaped(g), supplementary: {} });
    }
    for (const r of page.RoleDetailList ?? []) {
      if (r.Arn === undefined) continue;
      const role = { ...base(ctx, 'AWS::IAM::Role', r.Arn, r.RoleName ?? r.Arn), tags: tagRecord(r.Tags) };
      out.push({ ...role, configuration: shaped(r), supplementary: {} });
    }
    for (const p of page.Policies ?? []) {
      if (p.Arn === undefined || !inScope(p)) continue;
      const kept = { ...p, PolicyVersionList: (p.PolicyVersionList ?? []).filter((v) => v.IsDefaultVersion) };
      const policy = { ...base(ctx, 'AWS::IAM::Policy', p.Arn, p.PolicyName ?? p.Arn), tags: {} };
      out.push({ ...policy, configuration: shaped(kept), supplementary: {} });
    }
  }
  return out;
}

// AWS-managed policies (account `aws` in the ARN) matter only where attached in this account.
function inScope(p: ManagedPolicyDetail): boolean {
  return !(p.Arn ?? '').includes(':iam::aws:policy/') || (p.AttachmentCount ?? 0) > 0;
}
