/**
 * Medical devices from a CSV/CMDB export, read through a column mapping (mapping.ts). One row is
 * one device; its serial is its identity. See readme.md for the mapping format and decisions.
 */
import { AppError } from '../../core/errors.js';
import type { AssetRecord, Extraction, Rejected } from '../../core/inventory.js';
import type { SourceInput } from '../types.js';
import { deviceComponents } from './components.js';
import { DEVICE_TAGS, isReservedTag, type ManyExtraction, type ManyInventoryAdapter } from './contract.js';
import {
  type ColumnPlan,
  type DeviceField,
  type DeviceMapping,
  loadDefaultMapping,
  missingColumns,
  planColumns,
} from './mapping.js';
import { type CsvRow, peekHeader, readCsvTable } from './read-csv.js';
import { type Cell, criticalityOf, dateOf, phiOf, proximityOf, supportOf, supportStatus } from './values.js';

/** The devices of one export, the rows that became no device, and how the columns were used. */
export interface DeviceExtraction extends ManyExtraction {
  columns: ColumnPlan;
}

/** Options of the device CSV adapter: the mapping (default: default-mapping.yaml) and the clock. */
export interface CsvDevicesOptions {
  mapping?: DeviceMapping;
  /** "Today" for end-of-support dates; injectable so tests do not age. */
  now?: () => Date;
}

/** The device CSV adapter: a ManyInventoryAdapter whose extraction also reports the column plan. */
export interface CsvDevicesAdapter extends ManyInventoryAdapter {
  extractMany(input: SourceInput, parsed?: unknown): Promise<DeviceExtraction>;
}

/** Build the adapter for one mapping; `accepts` needs a header with the serial and model columns. */
export function createCsvDevicesAdapter(opts: CsvDevicesOptions = {}): CsvDevicesAdapter {
  const mapping = () => opts.mapping ?? loadDefaultMapping();
  const today = () => (opts.now?.() ?? new Date()).toISOString().slice(0, 10);
  return {
    id: 'devices/csv',
    version: '1',
    accepts: (input, parsed) => {
      if (parsed !== undefined) return false;
      const header = peekHeader(input.text, mapping().delimiter);
      return header !== null && planColumns(header, mapping()) !== null;
    },
    extractMany: async (input) => extractDevices(input, mapping(), today()),
  };
}

/** The adapter with the shipped generic-CMDB mapping. */
export const csvDevicesAdapter: CsvDevicesAdapter = createCsvDevicesAdapter();

/** Read every device of an export; `today` is `YYYY-MM-DD` for end-of-support dates. */
export function extractDevices(input: SourceInput, mapping: DeviceMapping, today: string): DeviceExtraction {
  const table = readCsvTable(input, mapping.delimiter);
  const at = { file: input.file, line: table.headerLine };
  const plan = planColumns(table.header, mapping);
  if (plan === null)
    throw new AppError('INPUT_SCHEMA', { ...at, reason: missingColumns(table.header, mapping) });
  const clash = plan.tags.find(isReservedTag);
  if (clash !== undefined) {
    throw new AppError('INPUT_SCHEMA', {
      ...at,
      reason: `tag column "${clash}" would overwrite a device tag`,
    });
  }
  if (table.rows.length === 0)
    throw new AppError('INPUT_EMPTY', { ...at, reason: 'header row only: no devices' });

  const items: Extraction[] = [];
  const rejected: Rejected[] = [];
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const ref = `line ${row.line}`;
    const device = readRow(row, plan, mapping, today);
    if (!device.ok) {
      rejected.push({ ref, reason: device.reason });
      continue;
    }
    const serial = device.value.asset.externalId;
    const first = firstLine.get(serial);
    if (first !== undefined) {
      rejected.push({ ref, reason: `duplicate serial (first on line ${first})` });
      continue;
    }
    firstLine.set(serial, row.line);
    items.push(device.value);
  }
  return { items, rejected, columns: plan };
}

function readRow(row: CsvRow, plan: ColumnPlan, m: DeviceMapping, today: string): Cell<Extraction> {
  const column = (f: DeviceField) => plan.fields[f] ?? '';
  const cell = (f: DeviceField) => (plan.fields[f] === undefined ? '' : (row.cells[column(f)] ?? ''));
  const reasons: string[] = [];
  // An empty cell is "not known"; a cell with an unknown word is an error, never a guess.
  const take = <T>(f: DeviceField, convert: (c: string, col: string) => Cell<T>): T | undefined => {
    const c = cell(f);
    if (c === '') return undefined;
    const r = convert(c, column(f));
    if (r.ok) return r.value;
    reasons.push(r.reason);
    return undefined;
  };
  const serial = cell('serial');
  if (serial === '') reasons.push(`no serial in column "${column('serial')}"`);
  const criticality = take('criticality', (c, col) => criticalityOf(c, m, col));
  const proximity = take('patientProximity', (c, col) => proximityOf(c, m, col));
  const status = take('supportStatus', (c, col) => supportOf(c, m, col));
  const endOfSupport = take('endOfSupport', (c, col) => dateOf(c, m.dateFormat, col));
  const phi = take('phi', (c, col) => phiOf(c, m, col));
  if (reasons.length > 0) return { ok: false, reason: reasons.join('; ') };

  const [manufacturer, model, firmware] = [cell('manufacturer'), cell('model'), cell('firmware')];
  const tags: Record<string, string> = {};
  const tag = (key: string, value: string | undefined) => {
    if (value) tags[key] = value;
  };
  tag(DEVICE_TAGS.manufacturer, manufacturer);
  tag(DEVICE_TAGS.model, model);
  tag(DEVICE_TAGS.location, cell('location'));
  tag(DEVICE_TAGS.networkZone, cell('networkZone'));
  tag(DEVICE_TAGS.patientProximity, proximity);
  tag(DEVICE_TAGS.endOfSupport, endOfSupport);
  tags[DEVICE_TAGS.phi] = String(phi ?? m.phiDefault);
  tags[DEVICE_TAGS.phiSource] = phi === undefined ? 'mapping phiDefault' : `column "${column('phi')}"`;
  for (const h of plan.tags) tag(h, row.cells[h]);

  const asset: AssetRecord = {
    externalId: `device:${serial}`,
    name: cell('name') || `${model || 'device'} ${serial}`,
    kind: 'medical-device',
    tags,
  };
  if (firmware) asset.version = firmware;
  const owner = cell('owner');
  if (owner) asset.owner = owner;
  if (criticality) asset.clinicalCriticality = criticality;
  const support = supportStatus(status, endOfSupport, today);
  if (support) asset.supportStatus = support;

  const parts = deviceComponents({ manufacturer, model, firmware, software: cell('software') }, row.line);
  return { ok: true, value: { asset, ...parts } };
}
