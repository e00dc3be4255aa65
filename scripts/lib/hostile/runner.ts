import { must } from '@/lib/must';
import { Agent, type BodyInit, fetch, type Response } from 'undici';
import type { CookieJar } from '../sign-in';
import type { Identity, Probe } from './plan';

/**
 * Sends probes to the server, a bounded number at a time, as one of the identities (each with its own
 * cookies), and records what came back together with what the server logged meanwhile.
 */

export type Outcome = {
  probe: Probe;
  /** The HTTP status, or 0 when no answer came (`error` says why). */
  status: number;
  error?: string;
  ms: number;
  /** Where the server log stood when the request was sent and when its answer ended. */
  logFrom: number;
  logTo: number;
  /** The first 256 KB of the answer, kept for pages whose form fields the sweep reads. */
  text?: string;
  /** The status when sent again alone (`isolate`). */
  alone?: number;
  /** Whether the log window holds this request's lines only (sent again alone, or a twin was). */
  ownLog?: boolean;
  /** Why the first try got no answer, when the probe was resent on a new connection (`send`). */
  resentAfter?: string;
};

export type Client = { baseUrl: string; jars: Record<Identity, CookieJar>; log: () => string; timeoutMs: number };

const KEEP_TEXT = 256 * 1024;

/**
 * Huge uploads go on connections of their own, used once. The server answers 413 as soon as an upload
 * passes its cap and stops reading it; a client that then sends another request on that connection
 * sees it reset. With the 2 MB and 20 MB bodies on the shared connections, three or four other
 * requests a run failed that way (different ones each run; each answered 4xx when sent again); with
 * the uploads on their own connections, none in three runs. Browsers close a connection whose upload
 * was cut short. Everything else shares the usual keep-alive connections.
 */
const uploads = new Agent({ maxRequestsPerClient: 1 });
const connections = new Agent();

/** Sends one probe and reads its answer (the first 256 KB kept for `real` pages, the rest drained). */
export async function send(client: Client, probe: Probe): Promise<Outcome> {
  const jar = client.jars[probe.identity];
  const cookieAt = probe.cookie?.cookie.indexOf('=') ?? -1;
  const cookie = jar.header(
    probe.cookie
      ? { name: probe.cookie.cookie.slice(0, cookieAt), value: probe.cookie.cookie.slice(cookieAt + 1) }
      : undefined,
  );
  const headers: Record<string, string> = { origin: client.baseUrl, ...probe.headers };
  if (cookie) headers.cookie = cookie;
  if (probe.body?.contentType) headers['content-type'] = probe.body.contentType;
  const raw = probe.body?.body;
  const logFrom = client.log().length;
  const started = performance.now();
  const done = (status: number, extra: Partial<Outcome> = {}): Outcome => ({
    probe,
    status,
    ms: performance.now() - started,
    logFrom,
    logTo: client.log().length,
    ...extra,
  });
  const attempt = async (dispatcher: Agent) => {
    const response = await fetch(`${client.baseUrl}${probe.url}`, {
      method: probe.method,
      headers,
      body: (typeof raw === 'function' ? raw() : raw) as BodyInit | undefined, // a stream is made anew each try
      redirect: 'manual',
      signal: AbortSignal.timeout(client.timeoutMs),
      duplex: typeof raw === 'function' ? 'half' : undefined,
      dispatcher,
    });
    return done(response.status, { text: await readSome(response, probe.kind === 'real') });
  };
  try {
    return await attempt(probe.body?.huge ? uploads : connections);
  } catch (error) {
    const first = describe(error);
    // A request that found its reused keep-alive connection closed under it (the server closes idle
    // ones after its keep-alive timeout; on a loaded machine the client can pick one just then) is
    // resent once on a new connection, as browsers do; the report counts such resends. A request that
    // gets no answer on a new connection too is a failure.
    if (probe.body?.huge || !RESET_CODES.some((code) => first.includes(code))) return done(0, { error: first });
    try {
      return { ...(await attempt(uploads)), resentAfter: first };
    } catch (again) {
      return done(0, { error: `${first}, then on a new connection ${describe(again)}`, resentAfter: first });
    }
  }
}

/** The errors of a connection closed under a request (not a timeout): those are resent once. */
const RESET_CODES = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'];

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `${(error as Error).name}: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
}

/** Reads the answer to its end (so that the connection is free again), keeping the start when asked. */
async function readSome(response: Response, keep: boolean): Promise<string | undefined> {
  if (!response.body) return undefined;
  const chunks: Uint8Array[] = [];
  let kept = 0;
  for await (const chunk of response.body) {
    if (keep && kept < KEEP_TEXT) {
      chunks.push(chunk);
      kept += chunk.length;
    }
  }
  return keep ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** Runs the probes, at most `concurrency` at a time, in order of the list; calls `onOutcome` as they end. */
export async function runAll(
  client: Client,
  probes: Probe[],
  concurrency: number,
  onOutcome: (outcome: Outcome) => void = () => {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(probes.length);
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const index = next++;
      const outcome = await send(client, must(probes[index], `probe ${index}`));
      outcomes[index] = outcome;
      onOutcome(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, probes.length) }, worker));
  return outcomes;
}

/**
 * Sends failed probes again, one at a time with a pause after each, and keeps the log window of that
 * lone run (`ownLog`): with requests in parallel, the server's log lines interleave. One probe per
 * identity, route (or action), input and path, at most `limit`; the other failures of the same key
 * take the window of the one sent again. `isFailed` says which outcomes failed.
 */
export async function isolate(
  client: Client,
  outcomes: Outcome[],
  isFailed: (outcome: Outcome) => boolean,
  limit: number,
): Promise<void> {
  const isolated = new Map<string, Outcome>();
  const keyOf = ({ probe }: Outcome) =>
    `${probe.identity} ${probe.method} ${probe.target} ${probe.kind} ${probe.kind.startsWith('segment') ? probe.url : ''}`;
  for (const outcome of outcomes.filter(isFailed)) {
    const sibling = isolated.get(keyOf(outcome));
    if (sibling) {
      Object.assign(outcome, { logFrom: sibling.logFrom, logTo: sibling.logTo, ownLog: true });
      continue;
    }
    if (isolated.size >= limit) continue;
    const again = await send(client, outcome.probe);
    await new Promise((r) => setTimeout(r, 150));
    Object.assign(outcome, { alone: again.status, logFrom: again.logFrom, logTo: client.log().length, ownLog: true });
    isolated.set(keyOf(outcome), outcome);
  }
}

/** Whether the jar's session is still signed in (an action may have ended it: "sign out everywhere"). */
export async function isSignedIn(baseUrl: string, jar: CookieJar): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie: jar.header() }, dispatcher: connections });
  const body = (await response.json().catch(() => null)) as { user?: unknown } | null;
  return response.ok && Boolean(body?.user);
}
