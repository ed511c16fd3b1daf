import { describe, expect, it } from 'vitest';
import { pickDeviceSbom } from './device-sboms.js';

const s = (id: number, modelKey: string, firmware: string | null) => ({ id, modelKey, firmware });

describe('pickDeviceSbom', () => {
  const sboms = [
    s(1, 'acme/pump', null),
    s(2, 'acme/pump', '4.2'),
    s(3, 'acme/pump', '4.2'),
    s(4, 'acme/pump', null),
    s(5, 'acme/vent', '4.2'),
  ];
  it('the latest SBOM of the device firmware wins', () => {
    expect(pickDeviceSbom(sboms, 'acme/pump', '4.2')?.id).toBe(3);
  });
  it('else the latest firmware-independent one; else none', () => {
    expect(pickDeviceSbom(sboms, 'acme/pump', '5.0')?.id).toBe(4);
    expect(pickDeviceSbom(sboms, 'acme/pump', null)?.id).toBe(4);
    expect(pickDeviceSbom(sboms, 'acme/vent', '1.0')).toBeUndefined();
  });
});
