/**
 * The AWS hardening checks: posture conditions of the AWS Config HIPAA pack and Prowler's HIPAA
 * mapping that the snapshot already holds the data for (CloudTrail selectors and delivery, EC2
 * instances and network, ELBv2 attributes, IAM policies and the credential report, KMS key state,
 * RDS instance settings, S3 bucket policy and lifecycle, SSM patch state). Each lives in
 * checks/aws/<id>/; their shared helpers are in _hardening/.
 */
import type { PostureCheck } from '../../check.js';
import { check as cloudtrailBedrockLogging } from './cloudtrail-bedrock-logging/index.js';
import { check as cloudtrailCloudwatchLogs } from './cloudtrail-cloudwatch-logs/index.js';
import { check as cloudtrailS3DataEvents } from './cloudtrail-s3-data-events/index.js';
import { check as ec2InstanceInVpc } from './ec2-instance-in-vpc/index.js';
import { check as ec2InstanceManagedBySsm } from './ec2-instance-managed-by-ssm/index.js';
import { check as ec2InstanceNoPublicIp } from './ec2-instance-no-public-ip/index.js';
import { check as ec2InstanceProfileAttached } from './ec2-instance-profile-attached/index.js';
import { check as ec2StoppedInstance } from './ec2-stopped-instance/index.js';
import { check as elbAccessLogging } from './elb-access-logging/index.js';
import { check as elbDeletionProtection } from './elb-deletion-protection/index.js';
import { check as elbDropInvalidHeaders } from './elb-drop-invalid-headers/index.js';
import { check as elbv2AcmCertificate } from './elbv2-acm-certificate/index.js';
import { check as iamCustomerPolicyBlockedKmsActions } from './iam-customer-policy-blocked-kms-actions/index.js';
import { check as iamGroupHasUsers } from './iam-group-has-users/index.js';
import { check as iamInlinePolicyBlockedKmsActions } from './iam-inline-policy-blocked-kms-actions/index.js';
import { check as iamInlinePolicyNoAdminAccess } from './iam-inline-policy-no-admin-access/index.js';
import { check as iamInlinePolicyNoMarketplaceSubscribe } from './iam-inline-policy-no-marketplace-subscribe/index.js';
import { check as iamNoInlinePolicy } from './iam-no-inline-policy/index.js';
import { check as iamPolicyNoAdminAccess } from './iam-policy-no-admin-access/index.js';
import { check as iamPolicyNoFullServiceAccess } from './iam-policy-no-full-service-access/index.js';
import { check as iamPolicyNoMarketplaceSubscribe } from './iam-policy-no-marketplace-subscribe/index.js';
import { check as iamRootHardwareMfa } from './iam-root-hardware-mfa/index.js';
import { check as iamUserAccessKeyUnused } from './iam-user-access-key-unused/index.js';
import { check as iamUserConsoleUnused } from './iam-user-console-unused/index.js';
import { check as iamUserMfaEnabled } from './iam-user-mfa-enabled/index.js';
import { check as iamUserNoDirectPolicies } from './iam-user-no-direct-policies/index.js';
import { check as kmsKeyNotPendingDeletion } from './kms-key-not-pending-deletion/index.js';
import { check as rdsAutoMinorVersionUpgrade } from './rds-auto-minor-version-upgrade/index.js';
import { check as rdsCloudwatchLogsExport } from './rds-cloudwatch-logs-export/index.js';
import { check as rdsDeletionProtection } from './rds-deletion-protection/index.js';
import { check as rdsEnhancedMonitoring } from './rds-enhanced-monitoring/index.js';
import { check as rdsIamAuthentication } from './rds-iam-authentication/index.js';
import { check as routeTableNoIgwDefaultRoute } from './route-table-no-igw-default-route/index.js';
import { check as s3BucketDefaultEncryptionKms } from './s3-bucket-default-encryption-kms/index.js';
import { check as s3BucketSslRequestsOnly } from './s3-bucket-ssl-requests-only/index.js';
import { check as s3VersionLifecyclePolicy } from './s3-version-lifecycle-policy/index.js';
import { check as ssmPatchComplianceStatus } from './ssm-patch-compliance-status/index.js';
import { check as subnetAutoAssignPublicIp } from './subnet-auto-assign-public-ip/index.js';
import { check as vpcDefaultSgClosed } from './vpc-default-sg-closed/index.js';

/** Every AWS hardening check, in a stable order. */
export const AWS_HARDENING_CHECKS: readonly PostureCheck[] = [
  cloudtrailBedrockLogging,
  cloudtrailCloudwatchLogs,
  cloudtrailS3DataEvents,
  ec2InstanceInVpc,
  ec2InstanceManagedBySsm,
  ec2InstanceNoPublicIp,
  ec2InstanceProfileAttached,
  ec2StoppedInstance,
  elbAccessLogging,
  elbDeletionProtection,
  elbDropInvalidHeaders,
  elbv2AcmCertificate,
  iamCustomerPolicyBlockedKmsActions,
  iamGroupHasUsers,
  iamInlinePolicyBlockedKmsActions,
  iamInlinePolicyNoAdminAccess,
  iamInlinePolicyNoMarketplaceSubscribe,
  iamNoInlinePolicy,
  iamPolicyNoAdminAccess,
  iamPolicyNoFullServiceAccess,
  iamPolicyNoMarketplaceSubscribe,
  iamRootHardwareMfa,
  iamUserAccessKeyUnused,
  iamUserConsoleUnused,
  iamUserMfaEnabled,
  iamUserNoDirectPolicies,
  kmsKeyNotPendingDeletion,
  rdsAutoMinorVersionUpgrade,
  rdsCloudwatchLogsExport,
  rdsDeletionProtection,
  rdsEnhancedMonitoring,
  rdsIamAuthentication,
  routeTableNoIgwDefaultRoute,
  s3BucketDefaultEncryptionKms,
  s3BucketSslRequestsOnly,
  s3VersionLifecyclePolicy,
  ssmPatchComplianceStatus,
  subnetAutoAssignPublicIp,
  vpcDefaultSgClosed,
];
