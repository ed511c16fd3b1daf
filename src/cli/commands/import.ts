import { AppError, EXIT } from '../../core/errors.js';
import { ASSET_KINDS, type AssetKind, ENVIRONMENTS, type Environment } from '../../core/inventory.js';
import type { AssetOverrides } from '../../services/import-sbom.js';
import type { Command, CommandContext } from '../command.js';
import { progressBar } from '../progress.js';

function onePath(ctx: CommandContext, what: string): string {
  const [p, ...extra] = ctx.positionals;
  if (!p || extra.length) throw new AppError('USAGE', { reason: `expected exactly one <${what}>` });
  return p;
}

function overrides(ctx: CommandContext): AssetOverrides {
  const o: AssetOverrides = {};
  const v = ctx.values;
  if (typeof v['asset-id'] === 'string') o.externalId = v['asset-id'];
  if (typeof v.name === 'string') o.name = v.name;
  if (typeof v.kind === 'string') {
    if (!(ASSET_KINDS as readonly string[]).includes(v.kind)) {
      throw new AppError('USAGE', { reason: `--kind must be one of ${ASSET_KINDS.join(', ')}` });
    }
    o.kind = v.kind as AssetKind;
  }
  if (typeof v.environment === 'string') {
    if (!(ENVIRONMENTS as readonly string[]).includes(v.environment)) {
      throw new AppError('USAGE', { reason: `--environment must be one of ${ENVIRONMENTS.join(', ')}` });
    }
    o.environment = v.environment as Environment;
  }
  if (typeof v.phi === 'string') {
    if (v.phi !== 'true' && v.phi !== 'false')
      throw new AppError('USAGE', { reason: '--phi must be true or false' });
    o.phi = v.phi === 'true';
  }
  const tags = (v.tag as string[] | undefined) ?? [];
  if (tags.length) {
    o.tags = {};
    for (const t of tags) {
      const eq = t.indexOf('=');
      if (eq < 1) throw new AppError('USAGE', { reason: `--tag expects KEY=VALUE, got '${t}'` });
      o.tags[t.slice(0, eq)] = t.slice(eq + 1);
    }
  }
  return o;
}

/** `import sbom`: one SBOM into the store (transactional, idempotent). */
export const importSbomCommand: Command = {
  path: ['import', 'sbom'],
  summary: 'Import an SBOM as an asset with its components; findings are matched at once',
  usage:
    '<file> [--asset-id ID] [--name N] [--kind K] [--environment E] [--tag K=V]… [--phi true|false] [--json]',
  help: `--asset-id      identity of the asset (default: the SBOM subject's purl without version);
                use one id per deployment when several hosts run the same application
--tag K=V       asset tags; PHI=true or DataClassification=PHI marks the asset as holding PHI
--phi           explicit PHI classification, overriding tags
Re-importing the same file into the same asset changes nothing.`,
  options: {
    'asset-id': { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    environment: { type: 'string' },
    tag: { type: 'string', multiple: true },
    phi: { type: 'string' },
  },
  async run(ctx) {
    const file = onePath(ctx, 'file');
    const asset = overrides(ctx);
    const { importSbom } = await import('../../services/import-sbom.js');
    const r = await importSbom(await ctx.db(), file, { actor: ctx.actor, asset });
    if (ctx.json) ctx.printJson(r);
    else if (r.status === 'unchanged')
      ctx.print(
        `${file}: already imported into ${r.asset.externalId} (import #${r.importId}); nothing changed`,
      );
    else {
      const f = r.findings;
      ctx.print(
        `${file}: asset #${r.asset.id} ${r.asset.name} ${r.asset.created ? 'created' : 'updated'} (PHI: ${r.asset.phi ? `yes, ${r.asset.phiSource}` : 'no'})
components: ${r.components.total} (+${r.components.added} -${r.components.removed}), rejected ${r.rejected.length}
findings: ${f.opened} opened, ${f.unknown} unknown, ${f.resolved} resolved, ${f.retiered} re-tiered, ${f.reopened} reopened`,
      );
    }
    return EXIT.ok;
  },
};

/** `import advisories`: OSV records (folder, zip, file) into the store. */
export const importAdvisoriesCommand: Command = {
  path: ['import', 'advisories'],
  summary: 'Import OSV advisories (folder, .zip or file; JSON or YAML) and refresh affected findings',
  usage: '<dir|zip|file> [--json]',
  async run(ctx) {
    const path = onePath(ctx, 'dir|zip|file');
    const { importAdvisories } = await import('../../services/import-advisories.js');
    const bar = progressBar(ctx.io, 'advisories', ctx.json);
    const r = await importAdvisories(await ctx.db(), path, {
      actor: ctx.actor,
      onProgress: (d, t) => bar.update(d, t),
    });
    bar.stop();
    if (ctx.json) ctx.printJson(r);
    else if (r.status === 'unchanged')
      ctx.print(
        `${path}: these ${r.records} records were already imported (import #${r.importId}); nothing changed`,
      );
    else {
      const a = r.advisories;
      ctx.print(
        `${path}: ${r.records} records (${r.withdrawn} withdrawn, ${r.skipped.length} files skipped)
advisories: ${a.inserted} new, ${a.updated} updated, ${a.unchanged} unchanged, ${a.stale} older than stored
findings on ${r.assetsRefreshed} assets: ${r.findings.opened} opened, ${r.findings.unknown} unknown, ${r.findings.resolved} resolved, ${r.findings.retiered} re-tiered`,
      );
      for (const s of r.skipped) ctx.io.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
    }
    return EXIT.ok;
  },
};

/** `import kev`: the CISA KEV catalog. */
export const importKevCommand: Command = {
  path: ['import', 'kev'],
  summary: 'Import the CISA Known Exploited Vulnerabilities catalog (JSON); escalates affected findings',
  usage: '<known_exploited_vulnerabilities.json> [--json]',
  async run(ctx) {
    const file = onePath(ctx, 'file');
    const { importKev } = await import('../../services/import-kev.js');
    const r = await importKev(await ctx.db(), file, { actor: ctx.actor });
    if (ctx.json) ctx.printJson(r);
    else
      ctx.print(
        r.status === 'unchanged'
          ? `${file}: catalog ${r.catalogVersion} already imported; nothing changed`
          : `${file}: catalog ${r.catalogVersion}, ${r.entries} entries, ${r.added} new; ${r.findings.retiered} findings re-tiered`,
      );
    return EXIT.ok;
  },
};

/** `import vex`: supplier statements (CycloneDX VEX, OpenVEX, CSAF VEX) applied to findings. */
export const importVexCommand: Command = {
  path: ['import', 'vex'],
  summary: 'Import a VEX document (CycloneDX, OpenVEX, CSAF); not_affected/fixed statements close findings',
  usage: '<file> [--json]',
  async run(ctx) {
    const file = onePath(ctx, 'file');
    const { importVex } = await import('../../services/import-vex.js');
    const r = await importVex(await ctx.db(), file, { actor: ctx.actor });
    if (ctx.json) ctx.printJson(r);
    else if (r.status === 'unchanged')
      ctx.print(`${file}: already imported (import #${r.importId}); nothing changed`);
    else {
      ctx.print(
        `${file}: ${r.format} VEX, ${r.statements} statements (${r.rejected.length} rejected); ${r.findings.resolved} findings closed or updated on ${r.assetsRefreshed} assets`,
      );
      for (const x of r.rejected) ctx.io.stderr.write(`rejected ${x.ref}: ${x.reason}\n`);
    }
    return EXIT.ok;
  },
};

/** `import devices`: a medical-device CSV/CMDB export (many assets) through a column mapping. */
export const importDevicesCommand: Command = {
  path: ['import', 'devices'],
  summary: 'Import a medical-device CSV/CMDB export (serial, model, firmware, criticality…) as assets',
  usage: '<export.csv> [--mapping mapping.yaml] [--json]',
  help: `--mapping   YAML that maps the export's column headers to device fields (default: the shipped
            generic CMDB mapping; see src/sources/devices/readme.md)
All devices are written in one transaction; rows that become no device are listed with their line.`,
  options: { mapping: { type: 'string' } },
  async run(ctx) {
    const file = onePath(ctx, 'file');
    const { importDevices } = await import('../../services/import-devices.js');
    const mappingFile = ctx.values.mapping as string | undefined;
    const r = await importDevices(await ctx.db(), file, {
      actor: ctx.actor,
      ...(mappingFile ? { mappingFile } : {}),
    });
    if (ctx.json) ctx.printJson(r);
    else if (r.status === 'unchanged')
      ctx.print(`${file}: already imported (import #${r.importId}); nothing changed`);
    else {
      ctx.print(
        `${file}: ${r.devices} devices (${r.created} new), ${r.rejected.length} rows rejected; findings: ${r.findings.opened} opened, ${r.findings.unknown} unknown`,
      );
      for (const x of r.rejected) ctx.io.stderr.write(`rejected ${x.ref}: ${x.reason}\n`);
    }
    return EXIT.ok;
  },
};

/** `import mds2`: a manufacturer's MDS2 form, attached to every device of its models. */
export const importMds2Command: Command = {
  path: ['import', 'mds2'],
  summary: "Import a device model's MDS2 form (CSV) and attach its answers to the devices of that model",
  usage: '<form.csv> [--json]',
  help: `The form (ANSI/NEMA HN 1-2019, exported as CSV) covers the models DOC-3 lists for the DOC-1
manufacturer. Every device asset of those models gets \`mds2:<fact>\` tags (yes/no/unknown) and
\`mds2:form\`; devices imported later get the latest form of their model.`,
  async run(ctx) {
    const file = onePath(ctx, 'file');
    const { importMds2 } = await import('../../services/import-mds2.js');
    const r = await importMds2(await ctx.db(), file, { actor: ctx.actor });
    if (ctx.json) ctx.printJson(r);
    else if (r.status === 'unchanged')
      ctx.print(`${file}: already imported (import #${r.importId}); nothing changed`);
    else {
      ctx.print(
        `${file}: MDS2 form #${r.formId} for ${r.manufacturer} ${r.models.join(', ')}; attached to ${r.devices} devices`,
      );
      for (const x of r.rejected) ctx.io.stderr.write(`rejected ${x.ref}: ${x.reason}\n`);
    }
    return EXIT.ok;
  },
};

/** `import device-sbom`: a manufacturer's SBOM for a device model, applied to its devices. */
export const importDeviceSbomCommand: Command = {
  path: ['import', 'device-sbom'],
  summary: "Import a device model's SBOM and apply it to every device of that model (and firmware)",
  usage: '<sbom> --model M [--manufacturer X] [--firmware V] [--json]',
  help: `The SBOM describes a model, not one device: it creates no asset. Its components go to every
device asset whose manufacturer/model (case and spacing ignored) and firmware match, now and
when devices are imported later. Without --firmware it applies to every firmware for which no
firmware-specific SBOM exists. A device whose firmware no SBOM describes loses the components
an SBOM of its old firmware gave it (marked removed, kept as evidence).`,
  options: { model: { type: 'string' }, manufacturer: { type: 'string' }, firmware: { type: 'string' } },
  async run(ctx) {
    const file = onePath(ctx, 'file');
    const model = ctx.values.model as string | undefined;
    if (!model) throw new AppError('USAGE', { reason: '--model is required' });
    const manufacturer = ctx.values.manufacturer as string | undefined;
    const firmware = ctx.values.firmware as string | undefined;
    const { importDeviceSbom } = await import('../../services/import-device-sbom.js');
    const r = await importDeviceSbom(
      await ctx.db(),
      file,
      {
        model,
        ...(manufacturer !== undefined && { manufacturer }),
        ...(firmware !== undefined && { firmware }),
      },
      { actor: ctx.actor },
    );
    if (ctx.json) ctx.printJson(r);
    else if (r.status === 'unchanged')
      ctx.print(`${file}: already imported (import #${r.importId}); nothing changed`);
    else {
      ctx.print(
        `${file}: ${r.components} components for ${r.modelKey}${r.firmware ? ` firmware ${r.firmware}` : ''}, applied to ${r.devices} devices; findings: ${r.findings.opened} opened`,
      );
      for (const x of r.rejected) ctx.io.stderr.write(`rejected ${x.ref}: ${x.reason}\n`);
    }
    return EXIT.ok;
  },
};

/** `import packages`: an OS package list (dpkg status, rpm -qa, apk installed db) as one host. */
export const importPackagesCommand: Command = {
  ...importSbomCommand,
  path: ['import', 'packages'],
  summary: 'Import an OS package list (dpkg status, rpm -qa, apk db); the release comes from os-release',
  help: `${importSbomCommand.help ?? ''}
The distro release comes from an os-release file beside the list (<root>/etc/os-release for
<root>/var/lib/dpkg/status, or a file named os-release next to it); without one, packages are
reported as "unknown release" and never matched against every release.`,
};
