import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const NIC = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic1';
const NSG = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg1';
const vm = (tags: Record<string, string> = PHI) =>
  az(
    'microsoft.compute/virtualmachines',
    'vm1',
    { networkProfile: { networkInterfaces: [{ id: NIC, properties: { primary: true } }] } },
    { tags },
  );
// ARM ids compare case-insensitively: the NIC's reference is lower-cased on purpose.
const nic = (nsg?: string) =>
  az(
    'microsoft.network/networkinterfaces',
    'nic1',
    nsg ? { networkSecurityGroup: { id: nsg.toLowerCase() } } : {},
    { id: NIC },
  );
const nsg = (source: string) =>
  az(
    'microsoft.network/networksecuritygroups',
    'nsg1',
    {
      securityRules: [
        {
          name: 'http',
          properties: {
            protocol: 'Tcp',
            destinationPortRange: '80',
            sourceAddressPrefix: source,
            access: 'Allow',
            priority: 100,
            direction: 'Inbound',
          },
        },
      ],
    },
    { id: NSG },
  );
const run = (...r: ReturnType<typeof vm>[]) => check.evaluate(snap(r), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes when the NIC NSG allows 80 only from a narrow range', () => {
    expect(run(vm(), nic(NSG), nsg('10.0.0.0/8'))[0]?.status).toBe('pass');
  });
  it('fails when the NIC NSG allows 80 from the internet', () => {
    const [r] = run(vm(), nic(NSG), nsg('0.0.0.0/0'));
    expect(r?.status).toBe('fail');
    expect(r?.evidence.networkSecurityGroups).toEqual([NSG]);
  });
  it('is manual when the join is impossible', () => {
    expect(run(vm())[0]?.message).toMatch(/not in the snapshot/);
    expect(run(vm(), nic())[0]).toMatchObject({ status: 'manual' });
    expect(run(vm(), nic(NSG))[0]).toMatchObject({ status: 'manual' });
  });
  it('ignores non-PHI VMs and empty snapshots', () => {
    expect(run(vm({}), nic(NSG), nsg('*'))).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
