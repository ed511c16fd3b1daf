/**
 * Medical-device sources: CSV/CMDB exports read through a column mapping (`devices/csv`) and
 * MDS2 forms (`devices/mds2`) that attach to a device model. See readme.md.
 */
export {
  DEVICE_TAGS,
  deviceModelKey,
  isReservedTag,
  type ManyExtraction,
  type ManyInventoryAdapter,
} from './contract.js';
export {
  type CsvDevicesAdapter,
  type CsvDevicesOptions,
  createCsvDevicesAdapter,
  csvDevicesAdapter,
  type DeviceExtraction,
  extractDevices,
} from './csv-devices.js';
export {
  type ColumnPlan,
  DEVICE_FIELDS,
  type DeviceField,
  type DeviceMapping,
  loadDefaultMapping,
  PATIENT_PROXIMITY,
  type PatientProximity,
  parseMapping,
  readMappingFile,
} from './mapping.js';
export {
  devicesForForm,
  formCovers,
  isMds2Csv,
  type Mds2Answer,
  type Mds2Form,
  mds2Reader,
  parseMds2,
} from './mds2.js';
export { deriveFacts, MDS2_FACTS, type Mds2FactName, type Mds2Facts, yesNo } from './mds2-facts.js';
