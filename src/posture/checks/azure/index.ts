/**
 * The Azure posture checks (issue 6): one folder per check under checks/azure/<check-id>/, each
 * exporting `check`. The registry is explicit (renovate's versioning/api.ts pattern); index.spec.ts
 * holds the contract that every folder is registered and every id equals its folder.
 */
import type { PostureCheck } from '../../check.js';
import { check as diagnosticSettingsPhi } from './diagnostic-settings-phi/index.js';
import { check as entraMfaPhiRoles } from './entra-mfa-phi-roles/index.js';
import { check as keyvaultPurgeProtection } from './keyvault-purge-protection/index.js';
import { check as keyvaultSoftDelete } from './keyvault-soft-delete/index.js';
import { check as nsgAdminPortsOpen } from './nsg-admin-ports-open/index.js';
import { check as nsgHttpOpenPhi } from './nsg-http-open-phi/index.js';
import { check as sqlAuditRetention } from './sql-audit-retention/index.js';
import { check as sqlDatabaseTde } from './sql-database-tde/index.js';
import { check as sqlServerAuditing } from './sql-server-auditing/index.js';
import { check as storageCmkEncryptionPhi } from './storage-cmk-encryption-phi/index.js';
import { check as storageInfrastructureEncryption } from './storage-infrastructure-encryption/index.js';
import { check as storageMinTls12 } from './storage-min-tls-1-2/index.js';
import { check as storageNetworkDefaultDeny } from './storage-network-default-deny/index.js';
import { check as storagePublicBlobAccess } from './storage-public-blob-access/index.js';
import { check as storageSecureTransfer } from './storage-secure-transfer/index.js';
import { check as tagsPhiAndDevAzure } from './tags-phi-and-dev-azure/index.js';
import { check as vmCriticalUpdatesMissing } from './vm-critical-updates-missing/index.js';
import { check as vmPatchModeAutomatic } from './vm-patch-mode-automatic/index.js';
import { check as vmUpdateAssessment } from './vm-update-assessment/index.js';

/** Every Azure check, in a stable order (storage, SQL, network, VM, Key Vault, identity/logging, tags). */
export const AZURE_CHECKS: PostureCheck[] = [
  storagePublicBlobAccess,
  storageSecureTransfer,
  storageMinTls12,
  storageInfrastructureEncryption,
  storageCmkEncryptionPhi,
  storageNetworkDefaultDeny,
  sqlServerAuditing,
  sqlDatabaseTde,
  sqlAuditRetention,
  nsgAdminPortsOpen,
  nsgHttpOpenPhi,
  vmUpdateAssessment,
  vmCriticalUpdatesMissing,
  vmPatchModeAutomatic,
  keyvaultPurgeProtection,
  keyvaultSoftDelete,
  entraMfaPhiRoles,
  diagnosticSettingsPhi,
  tagsPhiAndDevAzure,
];
