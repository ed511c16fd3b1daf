import type { Extraction } from '../core/inventory.js';

/** One input file as read from disk or an upload: its name (for errors) and its text. */
export interface SourceInput {
  file: string;
  text: string;
}

/**
 * An inventory adapter (STYLE.md "Ingest adapter"): recognises its format and extracts one asset
 * and its components. Records it cannot use go to `rejected` with a reason; invalid documents
 * throw an AppError naming the file and pointer.
 */
export interface InventoryAdapter {
  readonly id: string;
  readonly version: string;
  accepts(input: SourceInput, parsed: unknown): boolean;
  extract(input: SourceInput, parsed: unknown): Promise<Extraction>;
}
