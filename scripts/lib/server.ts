import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Helpers for scripts that build and run the production server (e2e tests, benchmarks). The server
 * is started as `node node_modules/next/dist/bin/next start`, not through npx, so that stopping
 * our child really stops the server.
 */

/** Extra environment variables for a child process. */
export type Env = Record<string, string | undefined>;

const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * What a throwaway production server needs to start (lib/env.ts `productionProblems`): throwaway
 * session and encryption keys (or the configured ones), and the demo payment provider chosen on
 * purpose, Stripe switched off. The caller adds the database (DATABASE_URL, or EMBEDDED_DATABASE=1).
 */
export function throwawayProductionEnv(
  siteUrl: string,
  configured: { NEXTAUTH_SECRET?: string; ENCRYPTION_KEYS?: string } = {},
): Env {
  return {
    SITE_URL: siteUrl,
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: configured.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
    ENCRYPTION_KEYS: configured.ENCRYPTION_KEYS ?? `throwaway:${randomBytes(32).toString('base64')}`,
    DEMO_PAYMENTS: '1',
    STRIPE_SECRET_KEY: '',
  };
}

export function run(command: string, args: string[], env: Env = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
    child.on('error', reject);
  });
}

export function buildApp(env: Env = {}): Promise<void> {
  return run(process.execPath, [nextBin, 'build'], env);
}

export function hasBuild(): boolean {
  return fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'));
}

export type RunningServer = { url: string; child: ChildProcess; log: () => string; stop: () => Promise<void> };

/**
 * Starts `next start` on the port and resolves once it answers HTTP (or rejects after the timeout).
 * `hostname` binds it to one address (`-H`), as behind a reverse proxy: `127.0.0.1`.
 */
export async function startServer(
  port: number,
  env: Env = {},
  timeoutMs = 120_000,
  { hostname }: { hostname?: string } = {},
): Promise<RunningServer> {
  const args = [nextBin, 'start', '-p', String(port), ...(hostname ? ['-H', hostname] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const collect = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (process.env.E2E_VERBOSE) process.stdout.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://${hostname?.includes(':') ? `[${hostname}]` : (hostname ?? 'localhost')}:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      const response = await fetch(`${url}/help`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`next start did not answer within ${timeoutMs} ms:\n${log.join('')}`);
  }
  return {
    url,
    child,
    log: () => log.join(''),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
