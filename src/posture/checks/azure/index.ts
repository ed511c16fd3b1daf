/**
 * The Azure posture checks (issue 6): one folder per check under checks/azure/<check-id>/, each
 * exporting `check`. The registry is explicit (renovate's versioning/api.ts pattern); index.spec.ts
 * holds the contract that every folder is registered and every id equals its folder.
 */
import type { PostureCheck } from '../../check.js';
import { check as activityLogDiagnosticSettings } from './activity-log-diagnostic-settings/index.js';
import { check as diagnosticSettingsPhi } from './diagnostic-settings-phi/index.js';
import { check as entraMfaPhiRoles } from './entra-mfa-phi-roles/index.js';
import { check as keyvaultPrivateEndpoints } from './keyvault-private-endpoints/index.js';
import { check as keyvaultPublicNetworkDisabledPhi } from './keyvault-public-network-disabled-phi/index.js';
import { check as keyvaultPurgeProtection } from './keyvault-purge-protection/index.js';
import { check as keyvaultRbacEnabled } from './keyvault-rbac-enabled/index.js';
import { check as keyvaultSoftDelete } from './keyvault-soft-delete/index.js';
import { check as nsgAdminPortsOpen } from './nsg-admin-ports-open/index.js';
import { check as nsgHttpOpenPhi } from './nsg-http-open-phi/index.js';
import { check as nsgUdpInternetAccess } from './nsg-udp-internet-access/index.js';
import { check as sqlAuditLogReaders } from './sql-audit-log-readers/index.js';
import { check as sqlAuditRetention } from './sql-audit-retention/index.js';
import { check as sqlAzureadAdmin } from './sql-azuread-admin/index.js';
import { check as sqlDatabaseTde } from './sql-database-tde/index.js';
import { check as sqlFirewallAllowAll } from './sql-firewall-allow-all/index.js';
import { check as sqlMinTls12 } from './sql-min-tls-1-2/index.js';
import { check as sqlPublicNetworkAccessDisabledPhi } from './sql-public-network-access-disabled-phi/index.js';
import { check as sqlServerAuditing } from './sql-server-auditing/index.js';
import { check as storageBlobSoftDelete } from './storage-blob-soft-delete/index.js';
import { check as storageBlobVersioning } from './storage-blob-versioning/index.js';
import { check as storageCmkEncryptionPhi } from './storage-cmk-encryption-phi/index.js';
import { check as storageDefaultToEntraAuth } from './storage-default-to-entra-auth/index.js';
import { check as storageEncryptionScopesPhi } from './storage-encryption-scopes-phi/index.js';
import { check as storageGeoRedundantPhi } from './storage-geo-redundant-phi/index.js';
import { check as storageInfrastructureEncryption } from './storage-infrastructure-encryption/index.js';
import { check as storageKeyRotation } from './storage-key-rotation/index.js';
import { check as storageMinTls12 } from './storage-min-tls-1-2/index.js';
import { check as storageNetworkDefaultDeny } from './storage-network-default-deny/index.js';
import { check as storagePrivateEndpointsPhi } from './storage-private-endpoints-phi/index.js';
import { check as storagePublicBlobAccess } from './storage-public-blob-access/index.js';
import { check as storageSecureTransfer } from './storage-secure-transfer/index.js';
import { check as storageSharedKeyAccessDisabledPhi } from './storage-shared-key-access-disabled-phi/index.js';
import { check as tagsPhiAndDevAzure } from './tags-phi-and-dev-azure/index.js';
import { check as vmCriticalUpdatesMissing } from './vm-critical-updates-missing/index.js';
import { check as vmEncryptionAtHostPhi } from './vm-encryption-at-host-phi/index.js';
import { check as vmManagedDisks } from './vm-managed-disks/index.js';
import { check as vmPatchModeAutomatic } from './vm-patch-mode-automatic/index.js';
import { check as vmUpdateAssessment } from './vm-update-assessment/index.js';

/** Every Azure check, in a stable order (storage, SQL, network, VM, Key Vault, identity/logging, tags). */
export const AZURE_CHECKS: PostureCheck[] = [
  storagePublicBlobAccess,
  storageSecureTransfer,
  storageMinTls12,
  storageInfrastructureEncryption,
  storageCmkEncryptionPhi,
  storageEncryptionScopesPhi,
  storageNetworkDefaultDeny,
  storagePrivateEndpointsPhi,
  storageSharedKeyAccessDisabledPhi,
  storageDefaultToEntraAuth,
  storageKeyRotation,
  storageGeoRedundantPhi,
  storageBlobSoftDelete,
  storageBlobVersioning,
  sqlServerAuditing,
  sqlDatabaseTde,
  sqlAuditRetention,
  sqlAuditLogReaders,
  sqlMinTls12,
  sqlPublicNetworkAccessDisabledPhi,
  sqlFirewallAllowAll,
  sqlAzureadAdmin,
  nsgAdminPortsOpen,
  nsgHttpOpenPhi,
  nsgUdpInternetAccess,
  vmUpdateAssessment,
  vmCriticalUpdatesMissing,
  vmPatchModeAutomatic,
  vmManagedDisks,
  vmEncryptionAtHostPhi,
  keyvaultPurgeProtection,
  keyvaultSoftDelete,
  keyvaultRbacEnabled,
  keyvaultPrivateEndpoints,
  keyvaultPublicNetworkDisabledPhi,
  entraMfaPhiRoles,
  diagnosticSettingsPhi,
  activityLogDiagnosticSettings,
  tagsPhiAndDevAzure,
];
