/**
 * Every posture check, AWS and Azure. A check's id equals its folder under checks/<provider>/
 * (contract-tested in registry.spec.ts); folders starting with `_` hold shared helpers.
 */
import type { PostureCheck } from './check.js';
import { AWS_COMPUTE_NETWORK_CHECKS } from './checks/aws/compute-network.js';
import { AWS_DATA_IDENTITY_CHECKS } from './checks/aws/data-identity.js';
import { AWS_EXPOSURE_CHECKS } from './checks/aws/exposure.js';
import { AWS_HARDENING_CHECKS } from './checks/aws/hardening.js';
import { AWS_SERVICES_CHECKS } from './checks/aws/services.js';
import { AWS_STORES_CHECKS } from './checks/aws/stores.js';
import { AZURE_CHECKS } from './checks/azure/index.js';

export const POSTURE_CHECKS: readonly PostureCheck[] = [
  ...AWS_DATA_IDENTITY_CHECKS,
  ...AWS_COMPUTE_NETWORK_CHECKS,
  ...AWS_HARDENING_CHECKS,
  ...AWS_EXPOSURE_CHECKS,
  ...AWS_STORES_CHECKS,
  ...AWS_SERVICES_CHECKS,
  ...AZURE_CHECKS,
];
