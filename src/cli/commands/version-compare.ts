import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { AppError, EXIT, isAppError } from '../../core/errors.js';
import { compareVersions, schemeForEcosystem, supportedEcosystems } from '../../versioning/api.js';
import type { Command } from '../command.js';

const SYMBOL = { '-1': '<', '0': '=', '1': '>' } as const;

/** `version compare`: the ecosystem's own ordering of two versions (PRODUCT.md contract). */
export const versionCompare: Command = {
  path: ['version', 'compare'],
  summary: "Order two versions with the ecosystem's native semantics: prints <, = or >",
  usage: '<ecosystem> <a> <b> | <ecosystem> --batch',
  help: `Ecosystems (OSV names): ${supportedEcosystems().join(', ')}

--batch   read "a<TAB>b" lines on stdin; print one of <, =, > per line, or "! <reason>" for an
          invalid line (the answer is data: exit 0 either way).
Examples:
  patchwarden version compare PyPI 1.0rc1 1.0
  printf '1.0.0\\t1.0.0-rc.1\\n' | patchwarden version compare npm --batch`,
  options: { batch: { type: 'boolean' } },
  async run(ctx) {
    const [ecosystem, a, b, ...extra] = ctx.positionals;
    if (!ecosystem) throw new AppError('USAGE', { reason: 'missing <ecosystem>' });
    if (!schemeForEcosystem(ecosystem)) throw new AppError('ECOSYSTEM_UNSUPPORTED', { ecosystem });
    if (!ctx.values.batch) {
      if (a === undefined || b === undefined || extra.length) {
        throw new AppError('USAGE', { reason: 'expected <ecosystem> <a> <b>, or --batch' });
      }
      const c = compareVersions(ecosystem, a, b);
      ctx.print(ctx.json ? JSON.stringify({ ecosystem, a, b, result: SYMBOL[c] }) : SYMBOL[c]);
      return EXIT.ok;
    }
    return batch(ecosystem, ctx.io.stdin, (line) => ctx.io.stdout.write(line));
  },
};

async function batch(
  ecosystem: string,
  stdin: AsyncIterable<Buffer | string>,
  write: (s: string) => unknown,
): Promise<number> {
  const lines = createInterface({ input: Readable.from(stdin), crlfDelay: Number.POSITIVE_INFINITY });
  let out = '';
  for await (const line of lines) {
    out += `${compareLine(ecosystem, line)}\n`;
    // Buffer output: one write per line is the slow part of a 100k-line batch.
    if (out.length > 64 * 1024) {
      write(out);
      out = '';
    }
  }
  if (out) write(out);
  return EXIT.ok;
}

function compareLine(ecosystem: string, line: string): string {
  const tab = line.indexOf('\t');
  if (tab === -1) return '! expected a<TAB>b';
  const a = line.slice(0, tab);
  const b = line.slice(tab + 1);
  try {
    return SYMBOL[compareVersions(ecosystem, a, b)];
  } catch (err) {
    if (isAppError(err, 'VERSION_INVALID')) return `! invalid version '${String(err.details.version)}'`;
    throw err;
  }
}
