import fs from 'node:fs';
import path from 'node:path';

/**
 * An embedded (PGlite) data directory must only ever be open in one process: two processes on one
 * directory silently lose committed writes. The lock file holds the owner's PID; a lock whose
 * process is gone is stale and taken over.
 */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (PID ${ownerPid}), ` +
        'probably a running `npm run dev` or `npm start`. Stop that process first, ' +
        'or point DATABASE_URL at a PostgreSQL server.',
    );
    this.name = 'DatabaseInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** Returns the PID holding the directory, or null when it is free (or held by a dead process). */
export function readLockOwner(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPathFor(dataDir), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock for this process or throws DatabaseInUseError; released when the process exits. */
export function acquireDataDirLock(dataDir: string): void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      process.once('exit', () => releaseDataDirLock(dataDir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLockOwner(dataDir);
      if (owner === process.pid) return;
      if (owner !== null) throw new DatabaseInUseError(dataDir, owner);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database directory ${dataDir}.`);
}

export function releaseDataDirLock(dataDir: string): void {
  const lockPath = lockPathFor(dataDir);
  try {
    if (Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10) === process.pid) fs.rmSync(lockPath);
  } catch {
    // Already gone.
  }
}
