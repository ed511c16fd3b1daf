/**
 * Admin ports open to the internet on an NSG (Network 2024-05-01 `SecurityRule`; Prowler
 * `network_ssh_internet_access_restricted` / `network_rdp_internet_access_restricted`, Azure
 * Policy "Management ports should be closed on your virtual machines"). Ports are
 * `params.adminPorts` (22, 3389, 5985, 5986 by default); see _shared/nsg.ts for how rules,
 * ranges, `*` and sources are read.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, list, obj, str } from '../_shared/arm.js';
import { openPorts } from '../_shared/nsg.js';

export const check: PostureCheck = {
  id: 'nsg-admin-ports-open',
  provider: 'azure',
  title: 'NSGs do not allow SSH, RDP or WinRM from the internet',
  severity: 'high',
  resourceType: ARM.networkSecurityGroup,
  citations: ['164.308(a)(1)(ii)(B)', '164.312(a)(1)', '164.312(e)(1)'],
  risk: 'Management ports reachable from any address are brute-forced and exploited within hours; a foothold on a VM reaches the ePHI it processes.',
  params: ['adminPorts'],
  remediation: {
    text: 'Portal: Network security group → Settings → Inbound security rules → delete the rule or narrow its Source to your VPN/bastion range. Prefer Azure Bastion or just-in-time VM access.',
    cli: 'az network nsg rule update --nsg-name <nsg> --resource-group <rg> --name <rule> --source-address-prefixes <admin-cidr>\n# or: az network nsg rule delete --nsg-name <nsg> --resource-group <rg> --name <rule>',
    terraform:
      'resource "azurerm_network_security_rule" "ssh" {\n  # ...\n  source_address_prefix  = var.admin_cidr # never "*" or "Internet"\n  destination_port_range = "22"\n}',
    url: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
  },
  evaluate(snapshot, params) {
    return resourcesOf(snapshot, ARM.networkSecurityGroup).map((r) => {
      const open = openPorts(r.configuration, params.adminPorts);
      const evidence = {
        checkedPorts: [...params.adminPorts],
        openPorts: open,
        attachedTo: [...list(r.configuration.networkInterfaces), ...list(r.configuration.subnets)].flatMap(
          (x) => str(obj(x).id) ?? [],
        ),
      };
      return open.length === 0
        ? result(check, r, 'pass', 'No admin port is open to the internet.', evidence)
        : result(
            check,
            r,
            'fail',
            `Open to the internet: ${open.map((o) => `${o.port} (rule ${o.rule})`).join(', ')}.`,
            evidence,
          );
    });
  },
};
