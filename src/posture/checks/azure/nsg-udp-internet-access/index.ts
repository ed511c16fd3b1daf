/**
 * UDP open to the internet on an NSG (Network 2024-05-01 `SecurityRule`; Prowler
 * `network_udp_internet_access_restricted`). Rules for `Udp` or any protocol from any address
 * (`*`, `Internet`, `0.0.0.0/0`, `::/0`) are read in priority order, so an earlier Deny closes
 * the ports it covers (see _shared/nsg.ts `openUdpPorts`). UDP services (DNS, NTP, SNMP, SSDP,
 * memcached) are reflection amplifiers and rarely meant for the internet. Every NSG is evaluated.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, list, obj, str } from '../_shared/arm.js';
import { openUdpPorts } from '../_shared/nsg.js';

export const check: PostureCheck = {
  id: 'nsg-udp-internet-access',
  provider: 'azure',
  title: 'NSGs do not allow UDP from the internet',
  severity: 'medium',
  resourceType: ARM.networkSecurityGroup,
  citations: ['164.308(a)(1)(ii)(B)', '164.312(a)(1)'],
  risk: 'UDP services reachable from any address are used for reflection attacks and expose protocols (SNMP, NTP, DNS) that leak configuration of hosts processing ePHI.',
  remediation: {
    text: 'Portal: Network security group → Settings → Inbound security rules → delete the rule, change its protocol, or narrow its Source to the networks that need the service.',
    cli: 'az network nsg rule update --nsg-name <nsg> --resource-group <rg> --name <rule> --source-address-prefixes <cidr>\n# or: az network nsg rule delete --nsg-name <nsg> --resource-group <rg> --name <rule>',
    terraform:
      'resource "azurerm_network_security_rule" "udp" {\n  # ...\n  protocol              = "Udp"\n  source_address_prefix = var.partner_cidr # never "*" or "Internet"\n}',
    url: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.networkSecurityGroup).map((r) => {
      const open = openUdpPorts(r.configuration);
      const evidence = {
        openUdp: open,
        attachedTo: [...list(r.configuration.networkInterfaces), ...list(r.configuration.subnets)].flatMap(
          (x) => str(obj(x).id) ?? [],
        ),
      };
      return open.length === 0
        ? result(check, r, 'pass', 'No UDP port is open to the internet.', evidence)
        : result(
            check,
            r,
            'fail',
            `UDP open to the internet: ${open.map((o) => `${o.ports.join(', ')} (rule ${o.rule})`).join('; ')}.`,
            evidence,
          );
    });
  },
};
