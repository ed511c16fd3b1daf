/**
 * Azure SQL server firewall rules that let everyone in (Microsoft.Sql 2021-11-01 "Firewall Rules -
 * List By Server", read into `supplementary.firewallRules`: `startIpAddress` / `endIpAddress`).
 * Fails on a rule 0.0.0.0–255.255.255.255 (every IPv4 address; Prowler
 * `sqlserver_unrestricted_inbound_access`) and on the 0.0.0.0–0.0.0.0 rule the portal names "Allow
 * Azure services and resources to access this server" (`AllowAllWindowsAzureIps`), which admits
 * every Azure customer's resources, not just the organisation's (CIS Azure 4.1.2). A server with
 * public network access Disabled ignores its firewall rules and passes.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, itemProps, lookupList, obj, phiOf, sqlSettingMissing, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'sql-firewall-allow-all',
  provider: 'azure',
  title: 'Azure SQL firewall rules do not admit every address or every Azure tenant',
  severity: 'high',
  resourceType: ARM.sqlServer,
  citations: ['164.312(a)(1)', '164.308(a)(3)(i)', '164.308(a)(1)(ii)(B)'],
  risk: 'A rule open to the whole internet, or to all of Azure, leaves only the SQL login between any attacker (or any Azure customer) and the ePHI in every database on the server.',
  remediation: {
    text: 'Portal: SQL server → Security → Networking → Firewall rules → delete the 0.0.0.0–255.255.255.255 rule and untick "Allow Azure services and resources to access this server"; list the client ranges that need access, or use private endpoints.',
    cli: 'az sql server firewall-rule delete --server <server> --resource-group <rg> --name <rule>\naz sql server firewall-rule delete --server <server> --resource-group <rg> --name AllowAllWindowsAzureIps',
    terraform:
      '# remove azurerm_mssql_firewall_rule resources with start_ip_address = "0.0.0.0"\nresource "azurerm_mssql_firewall_rule" "clinic" {\n  server_id        = azurerm_mssql_server.phi.id\n  start_ip_address = "203.0.113.0"\n  end_ip_address   = "203.0.113.255"\n}',
    url: 'https://learn.microsoft.com/azure/azure-sql/database/firewall-configure',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.sqlServer).map((r) => {
      const phi = phiOf(r);
      const pna = str(r.configuration.publicNetworkAccess);
      if (pna?.toLowerCase() === 'disabled') {
        return result(check, r, 'pass', 'Public network access is Disabled: firewall rules do not apply.', {
          publicNetworkAccess: pna,
          ...phi,
        });
      }
      const rules = lookupList(r, 'firewallRules');
      if (rules === undefined) {
        const reason = sqlSettingMissing(snapshot, r, 'firewallRules');
        return result(check, r, 'error', `Firewall rules could not be read: ${reason}`, { reason, ...phi });
      }
      const read = rules.map((x) => ({
        name: str(obj(x).name) ?? '?',
        start: str(itemProps(x).startIpAddress) ?? '',
        end: str(itemProps(x).endIpAddress) ?? '',
      }));
      const everyone = read.filter((x) => x.start === '0.0.0.0' && x.end === '255.255.255.255');
      const azure = read.filter((x) => x.start === '0.0.0.0' && x.end === '0.0.0.0');
      const evidence = { publicNetworkAccess: pna ?? null, firewallRules: read, ...phi };
      const why = [
        ...everyone.map((x) => `${x.name} admits every address`),
        ...azure.map((x) => `${x.name} admits every Azure service of any tenant`),
      ];
      return why.length === 0
        ? result(check, r, 'pass', `${read.length} firewall rule(s), none open to everyone.`, evidence)
        : result(check, r, 'fail', `${why.join('; ')}.`, evidence);
    });
  },
};
