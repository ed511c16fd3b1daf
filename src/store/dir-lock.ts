/**
 * An exclusive lock on the embedded database directory. PGlite is one process's database: two
 * processes opening the same data directory corrupt it (electric-sql/pglite#1106), so the second
 * one is refused with a clear error instead.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { AppError } from '../core/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the lock file or throw DB_UNAVAILABLE naming the process holding it; returns the release. */
export function lockDirectory(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockFile);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new AppError('DB_UNAVAILABLE', {
          location: lockFile,
          reason: `the embedded database is in use by process ${holder}; stop it, use its HTTP API, or set DATABASE_URL to a PostgreSQL server`,
        });
      }
      // Left behind by a process that died: take it over.
      unlinkSync(lockFile);
    }
  }
  throw new AppError('DB_UNAVAILABLE', { location: lockFile, reason: 'could not take the database lock' });
}
