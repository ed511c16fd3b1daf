import { AppError } from './errors.js';

/** The AppError a call (or promise) throws or rejects with; fails the test when there is none. */
export async function appErrorOf(run: (() => unknown) | Promise<unknown>): Promise<AppError> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

/** The AppError a synchronous call throws; fails the test when there is none. */
export function appErrorOfSync(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError, nothing was thrown');
}
