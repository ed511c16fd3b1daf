/**
 * Every posture check, AWS and Azure. A check's id equals its folder under checks/<provider>/
 * (contract-tested in registry.spec.ts); folders starting with `_` hold shared helpers.
 */
import type { PostureCheck } from './check.js';
import { AWS_COMPUTE_NETWORK_CHECKS } from './checks/aws/compute-network.js';
import { AWS_DATA_IDENTITY_CHECKS } from './checks/aws/data-identity.js';
import { AZURE_CHECKS } from './checks/azure/index.js';

export const POSTURE_CHECKS: readonly PostureCheck[] = [
  ...AWS_DATA_IDENTITY_CHECKS,
  ...AWS_COMPUTE_NETWORK_CHECKS,
  ...AZURE_CHECKS,
];
