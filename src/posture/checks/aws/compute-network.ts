/**
 * The AWS compute, network and cross-cutting (tag) posture checks: EBS, EC2, VPC, SSM, Lambda,
 * ECR and tags. Each lives in checks/aws/<id>/ (id equals folder, compute-network.spec.ts).
 */
import type { PostureCheck } from '../../check.js';
import { check as ebsDefaultEncryption } from './ebs-default-encryption/index.js';
import { check as ebsVolumeEncrypted } from './ebs-volume-encrypted/index.js';
import { check as ec2AmiAge } from './ec2-ami-age/index.js';
import { check as ec2AmiDeprecated } from './ec2-ami-deprecated/index.js';
import { check as ec2ImdsV2Required } from './ec2-imdsv2-required/index.js';
import { check as ec2PublicSubnetPhi } from './ec2-public-subnet-phi/index.js';
import { check as ec2SgAdminPortsOpen } from './ec2-sg-admin-ports-open/index.js';
import { check as ec2SgHttpOpenPhi } from './ec2-sg-http-open-phi/index.js';
import { check as ecrImageCriticalFindings } from './ecr-image-critical-findings/index.js';
import { check as ecrScanOnPush } from './ecr-scan-on-push/index.js';
import { check as lambdaDeprecatedRuntime } from './lambda-deprecated-runtime/index.js';
import { check as lambdaPhiTimeout } from './lambda-phi-timeout/index.js';
import { check as ssmPatchCompliance } from './ssm-patch-compliance/index.js';
import { check as tagsPhiAndDev } from './tags-phi-and-dev/index.js';
import { check as tagsPhiRequired } from './tags-phi-required/index.js';
import { check as vpcEndpointsS3KmsPhi } from './vpc-endpoints-s3-kms-phi/index.js';

/** Every AWS compute/network/tag check, in a stable order. */
export const AWS_COMPUTE_NETWORK_CHECKS: PostureCheck[] = [
  ebsDefaultEncryption,
  ebsVolumeEncrypted,
  ec2ImdsV2Required,
  ec2AmiAge,
  ec2AmiDeprecated,
  ec2PublicSubnetPhi,
  ec2SgAdminPortsOpen,
  ec2SgHttpOpenPhi,
  vpcEndpointsS3KmsPhi,
  ssmPatchCompliance,
  lambdaDeprecatedRuntime,
  lambdaPhiTimeout,
  ecrScanOnPush,
  ecrImageCriticalFindings,
  tagsPhiAndDev,
  tagsPhiRequired,
];
