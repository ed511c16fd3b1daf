import type { Command } from '../command.js';
import { auditLog, auditVerify } from './audit.js';
import { collectAws, collectAzure, importAwsConfig } from './collect.js';
import { demoLoad } from './demo.js';
import { feedsStatus, feedsSync, importCsafCommand, importCveCommand, importEpssCommand } from './feeds.js';
import {
  exceptionApprove,
  exceptionList,
  exceptionRequest,
  exceptionRevoke,
  findingsExplain,
  findingsList,
  findingsRematch,
} from './findings.js';
import {
  importAdvisoriesCommand,
  importDeviceSbomCommand,
  importDevicesCommand,
  importKevCommand,
  importMds2Command,
  importPackagesCommand,
  importSbomCommand,
  importVexCommand,
} from './import.js';
import { inventoryList, inventoryShow, inventoryUnapproved } from './inventory.js';
import { policyList, policyRender } from './policy.js';
import { postureChecks, postureMute, postureScan } from './posture.js';
import { scan } from './scan.js';
import { serve } from './serve.js';
import { versionCompare } from './version-compare.js';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  scan,
  versionCompare,
  inventoryShow,
  inventoryUnapproved,
  inventoryList,
  importSbomCommand,
  importPackagesCommand,
  importAdvisoriesCommand,
  importKevCommand,
  importCveCommand,
  importEpssCommand,
  importCsafCommand,
  importVexCommand,
  importDevicesCommand,
  importMds2Command,
  importDeviceSbomCommand,
  collectAws,
  collectAzure,
  importAwsConfig,
  policyList,
  postureChecks,
  postureScan,
  postureMute,
  exceptionRequest,
  exceptionApprove,
  exceptionRevoke,
  exceptionList,
  policyRender,
  feedsSync,
  feedsStatus,
  findingsList,
  findingsExplain,
  findingsRematch,
  auditVerify,
  auditLog,
  demoLoad,
  serve,
];
