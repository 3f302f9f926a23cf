import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../local/data-dir-lock.ts';

const LOCK_FILE = 'stack.pid';
let dataDir: string | undefined;

function freshDataDir(): string {
  dataDir = mkdtempSync(join(tmpdir(), 'precis-lock-'));
  return dataDir;
}

/** The pid of a process that has already exited. */
function exitedPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('refuses a second lock, naming the owner pid and PRECIS_DATA_DIR, when the directory is locked', () => {
    const directory = freshDataDir();
    lockDataDir(directory);

    const second = () => lockDataDir(directory);

    expect(second).toThrow(DataDirInUseError);
    expect(second).toThrow(`(pid ${process.pid}); stop it, or set PRECIS_DATA_DIR`);
  });

  it('locks again when the previous lock was released', () => {
    const directory = freshDataDir();
    const first = lockDataDir(directory);

    first.release();
    const again = lockDataDir(directory);

    expect(first.afterCrash).toBe(false);
    expect(again.afterCrash).toBe(false);
    expect(readFileSync(join(directory, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    again.release();
    expect(existsSync(join(directory, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock left by a process that is no longer running, and says the owner crashed', () => {
    const directory = freshDataDir();
    writeFileSync(join(directory, LOCK_FILE), String(exitedPid()));

    const lock = lockDataDir(directory);

    expect(lock.afterCrash).toBe(true);
    expect(readFileSync(join(directory, LOCK_FILE), 'utf8')).toBe(String(process.pid));
  });
});
