/**
 * Azure SQL servers have a Microsoft Entra administrator (Microsoft.Sql 2021-11-01 "Server Azure
 * AD Administrators - List By Server", read by the collector into `supplementary.administrators`:
 * items with `properties.administratorType: ActiveDirectory`; Prowler
 * `sqlserver_azuread_administrator_enabled`, Azure Policy "An Azure Active Directory administrator
 * should be provisioned for SQL servers"). Without one, only SQL logins exist, outside Entra's MFA,
 * conditional access and joiner/leaver process. The server's own `administrators` property
 * (returned when ARM expands it) is accepted when the list was not read; with neither, `error`.
 * `azureADOnlyAuthentication` is reported as evidence.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, itemProps, lookupList, obj, phiOf, sqlSettingMissing, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'sql-azuread-admin',
  provider: 'azure',
  title: 'Azure SQL servers have a Microsoft Entra administrator',
  severity: 'medium',
  resourceType: ARM.sqlServer,
  citations: ['164.312(a)(2)(i)', '164.312(d)', '164.308(a)(4)(ii)(B)'],
  risk: 'Without an Entra administrator every database login is a SQL password shared outside Entra ID: no MFA, no conditional access, and no automatic removal when staff with access to ePHI leave.',
  remediation: {
    text: 'Portal: SQL server → Settings → Microsoft Entra ID → Set admin → pick a group of DBAs → Save; then create contained users for applications and consider "Support only Microsoft Entra authentication".',
    cli: 'az sql server ad-admin create --server-name <server> --resource-group <rg> --display-name <group-name> --object-id <group-object-id>',
    terraform:
      'resource "azurerm_mssql_server" "phi" {\n  # ...\n  azuread_administrator {\n    login_username              = "sql-admins"\n    object_id                   = var.sql_admins_group_id\n    azuread_authentication_only = true\n  }\n}',
    url: 'https://learn.microsoft.com/azure/azure-sql/database/authentication-aad-configure',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.sqlServer).map((r) => {
      const phi = phiOf(r);
      const listed = lookupList(r, 'administrators');
      const own = obj(r.configuration.administrators);
      const admins = listed?.map(itemProps) ?? (Object.keys(own).length > 0 ? [own] : undefined);
      if (admins === undefined) {
        const reason = sqlSettingMissing(snapshot, r, 'administrators');
        return result(check, r, 'error', `Entra administrators could not be read: ${reason}`, {
          reason,
          ...phi,
        });
      }
      const entra = admins.filter((a) => str(a.administratorType)?.toLowerCase() === 'activedirectory');
      const evidence = {
        administrators: entra.map((a) => ({
          login: str(a.login) ?? null,
          azureADOnlyAuthentication: a.azureADOnlyAuthentication ?? null,
        })),
        ...phi,
      };
      return entra.length > 0
        ? result(
            check,
            r,
            'pass',
            `Entra administrator: ${entra.map((a) => str(a.login) ?? '?').join(', ')}.`,
            evidence,
          )
        : result(check, r, 'fail', 'No Microsoft Entra administrator is set.', evidence);
    });
  },
};
