/**
 * Test-only reader for txtar archives (golang.org/x/tools/txtar, the format Trivy's fixtures use):
 * an optional comment, then files, each introduced by a line `-- NAME --`.
 */
import { readFileSync } from 'node:fs';

/** A file inside a txtar archive: its name and data (every line ends in `\n`). */
export interface TxtarFile {
  name: string;
  data: string;
}

/** Parse txtar text into its comment and files, in order. */
export function parseTxtar(text: string): { comment: string; files: TxtarFile[] } {
  // txtar.Parse: a marker is a whole line "-- " + name + " --"; data runs to the next marker.
  const parts = text.split(/^-- (.+?) --[ \t]*$\n?/m);
  const [comment = '', ...rest] = parts;
  const files: TxtarFile[] = [];
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const data = rest[i + 1] ?? '';
    files.push({
      name: (rest[i] ?? '').trim(),
      data: data === '' || data.endsWith('\n') ? data : `${data}\n`,
    });
  }
  return { comment, files };
}

/** Read a txtar archive from disk. */
export function readTxtar(path: string): { comment: string; files: TxtarFile[] } {
  return parseTxtar(readFileSync(path, 'utf8'));
}
