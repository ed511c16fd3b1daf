/**
 * Plain HTTP (80) reachable from the internet on a PHI VM (Prowler
 * `network_http_internet_access_restricted`). The join: VM `networkProfile.networkInterfaces[].id`
 * → NIC (Network 2024-05-01 `NetworkInterface.networkSecurityGroup.id`) → NSG rules. Subnet NSGs
 * are not collected (virtual networks are not in the snapshot), so a NIC without its own NSG, or a
 * NIC or NSG missing from the snapshot, makes the join impossible: `manual`, never pass.
 * One result per PHI VM.
 */
import type { CloudResource } from '../../../../core/cloud.js';
import { type CheckResult, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, armKey, byArmId, list, obj, phiOf, str } from '../_shared/arm.js';
import { openPorts } from '../_shared/nsg.js';

const HTTP = 80;

export const check: PostureCheck = {
  id: 'nsg-http-open-phi',
  provider: 'azure',
  title: 'PHI VMs do not accept plain HTTP from the internet',
  severity: 'high',
  resourceType: ARM.virtualMachine,
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.312(e)(2)(ii)'],
  risk: 'HTTP on port 80 carries credentials, session cookies and ePHI unencrypted across the internet.',
  remediation: {
    text: 'Serve HTTPS only (443 with TLS 1.2+); if 80 is kept for redirects, terminate it on Application Gateway/Front Door instead of the VM. Portal: NSG → Inbound security rules → delete or narrow the rule allowing 80.',
    cli: 'az network nsg rule delete --nsg-name <nsg> --resource-group <rg> --name <rule-allowing-80>',
    terraform:
      'resource "azurerm_network_security_rule" "https" {\n  # ...\n  destination_port_range = "443" # no rule opening 80 to "*" / "Internet"\n}',
    url: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
  },
  evaluate(snapshot) {
    const ids = byArmId(snapshot);
    const out: CheckResult[] = [];
    for (const vm of resourcesOf(snapshot, ARM.virtualMachine)) {
      const phi = phiOf(vm);
      if (!phi.phi) continue;
      out.push(evaluateVm(vm, ids, phi));
    }
    return out;
  },
};

function evaluateVm(
  vm: CloudResource,
  ids: Map<string, CloudResource>,
  phi: { phi: boolean; phiSource: string },
): CheckResult {
  const nicIds = list(obj(vm.configuration.networkProfile).networkInterfaces)
    .map((n) => str(obj(n).id))
    .filter((id): id is string => id !== undefined);
  const unknown: string[] = [];
  const open: { nic: string; nsg: string; rule: string; sources: string[] }[] = [];
  const nsgs: string[] = [];
  for (const nicId of nicIds) {
    const nic = ids.get(armKey(nicId));
    const nsgId = nic === undefined ? undefined : str(obj(nic.configuration.networkSecurityGroup).id);
    const nsg = nsgId === undefined ? undefined : ids.get(armKey(nsgId));
    if (nic === undefined) unknown.push(`NIC ${nicId} is not in the snapshot`);
    else if (nsgId === undefined)
      unknown.push(`NIC ${nicId} has no NSG of its own (subnet NSGs are not collected)`);
    else if (nsg === undefined) unknown.push(`NSG ${nsgId} is not in the snapshot`);
    else {
      nsgs.push(nsg.id);
      for (const o of openPorts(nsg.configuration, [HTTP])) {
        open.push({ nic: nicId, nsg: nsg.id, rule: o.rule, sources: o.sources });
      }
    }
  }
  const evidence = {
    networkInterfaces: nicIds,
    networkSecurityGroups: nsgs,
    openHttp: open,
    unresolved: unknown,
    ...phi,
  };
  if (open.length > 0) {
    return result(check, vm, 'fail', `Port 80 is open to the internet (rule ${open[0]?.rule}).`, evidence);
  }
  if (nicIds.length === 0) {
    return result(
      check,
      vm,
      'manual',
      'The VM lists no network interface; check its exposure by hand.',
      evidence,
    );
  }
  if (unknown.length > 0) {
    return result(
      check,
      vm,
      'manual',
      `Cannot join the VM to its NSG rules: ${unknown.join('; ')}.`,
      evidence,
    );
  }
  return result(check, vm, 'pass', 'No NSG on the VM’s NICs opens port 80 to the internet.', evidence);
}
