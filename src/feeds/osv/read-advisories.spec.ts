import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { osvJson, tempTree } from './osv-data.test-helpers.js';
import { readAdvisories } from './read-advisories.js';
import { buildZip } from './zip-writer.test-helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tree(files: Record<string, string | Uint8Array>): string {
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

const YAML_RECORD = `id: PYSEC-2024-1
modified: 2024-07-10T11:20:07.604887Z
aliases:
- CVE-2024-1
affected:
- package:
    ecosystem: PyPI
    name: django
  ranges:
  - type: ECOSYSTEM
    events:
    - introduced: "5.0"
    - fixed: 5.0.7
`;

describe('readAdvisories: folders', () => {
  it('reads JSON and YAML recursively, sorted, and lists every other file with a reason', async () => {
    const b = osvJson('GHSA-bbbb-bbbb-bbbb');
    const dir = tree({
      'b.json': b,
      'sub/a.yaml': YAML_RECORD,
      'sub/deeper/c.yml': YAML_RECORD.replace('PYSEC-2024-1', 'PYSEC-2024-2'),
      'README.md': '# data',
      LICENSE: 'CC-BY-4.0',
      'notes.csv': 'a,b',
      '.git/HEAD': 'ref: refs/heads/main',
      '.DS_Store': 'x',
    });
    const progress: Array<[number, number]> = [];
    const result = await readAdvisories(dir, { onProgress: (d, t) => progress.push([d, t]) });
    expect(result.records.map((r) => r.source.file)).toEqual([
      join(dir, 'b.json'),
      join(dir, 'sub/a.yaml'),
      join(dir, 'sub/deeper/c.yml'),
    ]);
    expect(result.records[0]?.source.sha256).toBe(sha256(b));
    const yaml = result.records[1]?.advisory;
    // YAML 1.2 core schema: an unquoted timestamp stays the string it was written as.
    expect(yaml).toMatchObject({ id: 'PYSEC-2024-1', modified: '2024-07-10T11:20:07.604887Z' });
    expect(yaml?.affected[0]?.ranges[0]?.events).toEqual([{ introduced: '5.0' }, { fixed: '5.0.7' }]);
    expect(result.skipped).toEqual([
      { file: join(dir, '.DS_Store'), reason: 'hidden file, not an advisory' },
      { file: join(dir, '.git'), reason: 'hidden folder, not read' },
      { file: join(dir, 'LICENSE'), reason: 'documentation or licence file, not an advisory' },
      { file: join(dir, 'README.md'), reason: 'documentation or licence file, not an advisory' },
      { file: join(dir, 'notes.csv'), reason: 'not an OSV file (expected .json, .yaml, .yml or .zip)' },
    ]);
    expect(progress.at(-1)).toEqual([7, 7]);
  });

  it('keeps the latest modified copy of a duplicate id, the first file on a tie', async () => {
    const dir = tree({
      'a.json': osvJson('GO-1', { modified: '2024-01-01T00:00:00.5Z' }),
      'b.json': osvJson('GO-1', { modified: '2024-01-01T00:00:00.45Z' }),
      'c.json': osvJson('GO-2'),
      'd.json': osvJson('GO-2'),
      'e.json': osvJson('GO-1', { modified: '2024-01-01T00:00:00.500001Z' }),
    });
    const { records, skipped } = await readAdvisories(dir);
    expect(records.map((r) => r.source.file)).toEqual([join(dir, 'c.json'), join(dir, 'e.json')]);
    expect(skipped.map((s) => s.file)).toEqual(['a.json', 'b.json', 'd.json'].map((f) => join(dir, f)));
    expect(skipped[2]?.reason).toBe(`duplicate id GO-2 (kept ${join(dir, 'c.json')})`);
    expect(skipped.every((s) => s.reason.startsWith('duplicate id'))).toBe(true);
  });

  it('an empty folder, or one without records, is INPUT_EMPTY', async () => {
    expect((await failure(readAdvisories(tree({})))).code).toBe('INPUT_EMPTY');
    const e = await failure(readAdvisories(tree({ 'README.md': 'x' })));
    expect(e.code).toBe('INPUT_EMPTY');
    expect(e.details.reason).toMatch(/1 file\(s\) skipped/);
  });

  it('a missing path is INPUT_NOT_FOUND', async () => {
    const e = await failure(readAdvisories(join(tree({}), 'nope')));
    expect(e.code).toBe('INPUT_NOT_FOUND');
  });
});

describe('readAdvisories: single files', () => {
  it('reads one JSON or YAML record and refuses another kind of file', async () => {
    const dir = tree({ 'r.json': `\uFEFF${osvJson('GHSA-1')}`, 'r.yaml': YAML_RECORD, 'r.csv': 'x' });
    expect((await readAdvisories(join(dir, 'r.json'))).records[0]?.advisory.id).toBe('GHSA-1');
    expect((await readAdvisories(join(dir, 'r.yaml'))).records[0]?.source.file).toBe(join(dir, 'r.yaml'));
    expect((await failure(readAdvisories(join(dir, 'r.csv')))).code).toBe('INPUT_UNRECOGNISED');
  });
});

describe('readAdvisories: zip archives', () => {
  const zipBytes = buildZip([
    { name: 'GHSA-2.json', data: osvJson('GHSA-2') },
    { name: 'nested/' },
    { name: 'nested/GHSA-1.json', data: osvJson('GHSA-1'), store: true },
    { name: 'README.md', data: 'hi' },
    { name: 'LICENSE', data: 'CC-BY-4.0' },
    { name: 'inner.zip', data: 'PK' },
  ]);

  it('streams the entries, names them archive!entry and sorts them', async () => {
    const dir = tree({ 'all.zip': zipBytes });
    const archive = join(dir, 'all.zip');
    const progress: Array<[number, number]> = [];
    const result = await readAdvisories(archive, { onProgress: (d, t) => progress.push([d, t]) });
    expect(result.records.map((r) => r.source.file)).toEqual([
      `${archive}!GHSA-2.json`,
      `${archive}!nested/GHSA-1.json`,
    ]);
    expect(result.records[1]?.source.sha256).toBe(sha256(osvJson('GHSA-1')));
    expect(result.skipped).toEqual([
      { file: `${archive}!LICENSE`, reason: 'documentation or licence file, not an advisory' },
      { file: `${archive}!README.md`, reason: 'documentation or licence file, not an advisory' },
      { file: `${archive}!inner.zip`, reason: 'archive inside an archive, not read' },
    ]);
    // Six entries in the central directory, the folder entry included.
    expect(progress.at(-1)).toEqual([6, 6]);
  });

  it('reads a zip found inside a folder', async () => {
    const dir = tree({ 'npm/all.zip': zipBytes, 'x.json': osvJson('GHSA-3') });
    const progress: Array<[number, number]> = [];
    const { records } = await readAdvisories(dir, { onProgress: (d, t) => progress.push([d, t]) });
    expect(records.map((r) => r.advisory.id)).toEqual(['GHSA-2', 'GHSA-1', 'GHSA-3']);
    // Two files, then the zip's one item becomes its six entries.
    expect(progress.at(-1)).toEqual([7, 7]);
  });

  it('a malformed entry fails the whole read and names x.zip!bad.json with line and column', async () => {
    const bad = buildZip([
      { name: 'good.json', data: osvJson('GHSA-1') },
      { name: 'bad.json', data: '{\n  "id": "GHSA-2",\n  "modified": ' },
    ]);
    const dir = tree({ 'x.zip': bad });
    const e = await failure(readAdvisories(join(dir, 'x.zip')));
    expect(e.code).toBe('INPUT_MALFORMED_JSON');
    expect(e.details.file).toBe(`${join(dir, 'x.zip')}!bad.json`);
    expect(e.details.file?.endsWith('x.zip!bad.json')).toBe(true);
    expect(e.details.line).toBe(3);
  });

  it('a file that is not a zip is INPUT_UNREADABLE', async () => {
    const dir = tree({ 'broken.zip': 'this is not a zip archive at all' });
    const e = await failure(readAdvisories(join(dir, 'broken.zip')));
    expect(e.code).toBe('INPUT_UNREADABLE');
    expect(e.details.file).toBe(join(dir, 'broken.zip'));
  });

  it('an entry over maxEntryBytes is refused before it is inflated', async () => {
    const dir = tree({ 'x.zip': zipBytes });
    const e = await failure(readAdvisories(join(dir, 'x.zip'), { maxEntryBytes: 100 }));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.details.file).toBe(`${join(dir, 'x.zip')}!GHSA-2.json`);
  });
});

describe('readAdvisories: malformed files', () => {
  it('truncated JSON names the file, line and column', async () => {
    const dir = tree({ 'ok.json': osvJson('GHSA-1'), 'trunc.json': '{\n  "id": "GHSA-2",\n  "affected": [' });
    const e = await failure(readAdvisories(dir));
    expect(e.code).toBe('INPUT_MALFORMED_JSON');
    expect(e.details).toMatchObject({ file: join(dir, 'trunc.json'), line: 3 });
    expect(e.details.column).toBeGreaterThan(0);
  });

  it('a YAML syntax error names the line', async () => {
    const dir = tree({ 'bad.yaml': 'id: PYSEC-1\nmodified: 2024-01-01T00:00:00Z\naffected: [\n  - x: {\n' });
    const e = await failure(readAdvisories(dir));
    expect(e.code).toBe('INPUT_MALFORMED_YAML');
    expect(e.details.file).toBe(join(dir, 'bad.yaml'));
    expect(e.details.line).toBeGreaterThanOrEqual(3);
  });

  it('a schema error names the file and pointer', async () => {
    const dir = tree({ 'r.json': osvJson('GHSA-1', { affected: {} }) });
    const e = await failure(readAdvisories(dir));
    expect(e.details).toMatchObject({ file: join(dir, 'r.json'), pointer: '/affected' });
  });

  it('empty, non-UTF-8 and oversized files', async () => {
    const dir = tree({
      'e.json': '  \n',
      'b.json': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      'big.json': osvJson('X'),
    });
    expect((await failure(readAdvisories(join(dir, 'e.json')))).code).toBe('INPUT_EMPTY');
    expect((await failure(readAdvisories(join(dir, 'b.json')))).code).toBe('INPUT_UNRECOGNISED');
    const e = await failure(readAdvisories(join(dir, 'big.json'), { maxEntryBytes: 10 }));
    expect(e.code).toBe('INPUT_TOO_LARGE');
  });
});
