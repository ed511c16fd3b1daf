/**
 * Reading input files for import: size-limited, and every failure an AppError naming the file.
 */
import { open } from 'node:fs/promises';
import { AppError, isAppError } from '../core/errors.js';

/** The error for a file or archive entry over the size limit. */
export function tooLarge(file: string, size: number, limit: number): AppError {
  return new AppError('INPUT_TOO_LARGE', { file, size, limit, reason: `${size} bytes exceeds ${limit}` });
}

/** Map a Node file-system error to INPUT_NOT_FOUND / INPUT_UNREADABLE naming the file. */
export function fsError(err: unknown, file: string): AppError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('INPUT_NOT_FOUND', { file }, { cause: err });
  const reason =
    code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'read failed');
  return new AppError('INPUT_UNREADABLE', { file, reason }, { cause: err });
}

/** Read a whole regular file, refusing it before reading when it is larger than `maxBytes`. */
export async function readBoundedFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AppError('INPUT_UNREADABLE', { file: path, reason: 'not a regular file' });
    // Check before reading so a huge file is refused without being loaded, and again after in
    // case it grew in between.
    if (stat.size > maxBytes) throw tooLarge(path, stat.size, maxBytes);
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) throw tooLarge(path, bytes.length, maxBytes);
    return bytes;
  } catch (err) {
    throw isAppError(err) ? err : fsError(err, path);
  } finally {
    await handle?.close();
  }
}
