import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Env, run } from './server';

/** A throwaway database on the PostgreSQL server of `serverUrl`, migrated and seeded by our own scripts. */
export async function createScratchDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await client.unsafe(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

/** Runs one of our TypeScript scripts (scripts/*.ts) in a child process with extra environment. */
export function runScript(script: string, args: string[] = [], env: Env = {}) {
  return run(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, ...args], env);
}
