/**
 * Boundary schema for Bottlerocket's application inventory, the JSON the OS build writes to
 * /usr/share/bottlerocket/application-inventory.json for the SSM agent's `AWS:Application`
 * inventory (bottlerocket-os/bottlerocket, "Software inventory"; field names as Trivy's
 * bottlerocket_inventory analyzer reads them). Only the fields used are declared.
 */
import { z } from 'zod';

/** One installed package: rpm NAME, VERSION, RELEASE, EPOCH and ARCH as the build recorded them. */
export const Application = z.object({
  Name: z.string(),
  Version: z.string(),
  // Inventories written before Bottlerocket recorded epochs have neither Epoch nor a real
  // Release (Trivy's application-inventory-no-epoch.json fixture).
  Release: z.string().optional(),
  Epoch: z.string().optional(),
  Architecture: z.string().optional(),
});
export type BottlerocketApplication = z.infer<typeof Application>;

/** The whole file: `{ "Content": [ … ] }`. */
export const ApplicationInventory = z.object({ Content: z.array(Application) });
export type BottlerocketInventory = z.infer<typeof ApplicationInventory>;
