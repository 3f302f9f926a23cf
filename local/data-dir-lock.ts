import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR_ENV } from './settings.ts';

/**
 * One local stack per data directory: the emulators' stores (LevelDB, SQLite) and the notification ledger
 * cannot be shared, and a second stack on them would crash or notify twice. The lock is a file holding the
 * owner's pid; one left behind by a stack that was killed is taken over, and the taker is told, so that it
 * can repair what a crash leaves behind (see repair-indexes.ts).
 */

const LOCK_FILE = 'stack.pid';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  /** Releases the lock; a clean stop. */
  readonly release: () => void;
  /** True when the lock was taken over from a stack that did not stop cleanly (killed, crashed). */
  readonly afterCrash: boolean;
}

/** Takes the lock on `dataDir` (creating the directory). */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(readFileSync(path, 'utf8'));
    if (isRunning(owner)) {
      throw new DataDirInUseError(
        `${dataDir} is in use by another local stack (pid ${owner}); stop it, or set ${DATA_DIR_ENV.name} to another directory`,
      );
    }
    writeFileSync(path, String(process.pid));
    return { release: () => rmSync(path, { force: true }), afterCrash: true };
  }
  return { release: () => rmSync(path, { force: true }), afterCrash: false };
}
