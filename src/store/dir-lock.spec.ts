import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDirectory } from './dir-lock.js';

describe('lockDirectory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-lock-'));

  it('refuses a second holder while the first process lives, then frees the file', async () => {
    const file = join(dir, 'a.lock');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    writeFileSync(file, String(child.pid));
    try {
      expect(() => lockDirectory(file)).toThrow(
        expect.objectContaining({
          code: 'DB_UNAVAILABLE',
          details: expect.objectContaining({ location: file }),
        }),
      );
    } finally {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    }
    const release = lockDirectory(file);
    expect(existsSync(file)).toBe(true);
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a lock left by a dead process', () => {
    const file = join(dir, 'b.lock');
    writeFileSync(file, '999999999');
    const release = lockDirectory(file);
    release();
  });
});
