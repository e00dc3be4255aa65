import type { Outcome } from './runner';

/**
 * What the sweep found: a status histogram, every failure (an answer ≥ 500, or none at all) with the
 * server's log line about it, failures grouped by cause, and the server-level problems (the process
 * died, an unhandled error in its log).
 */

export type Failure = {
  identity: string;
  method: string;
  url: string;
  target: string;
  kind: string;
  status: number;
  error?: string;
  /** The first line the server logged about it (an error line when there is one). */
  log: string;
  /** The status when sent again alone, if it was: a failure that passes alone happens under load only. */
  alone?: number;
};

export type Report = {
  requests: number;
  seconds: number;
  histogram: Record<string, number>;
  failures: Failure[];
  /** Failures by cause: the log line with numbers and ids taken out, with their count and targets. */
  causes: { cause: string; count: number; targets: string[] }[];
  serverProblems: string[];
  /** Requests whose reused connection was closed under them, answered when resent on a new one. */
  resent: { method: string; url: string; error: string; status: number }[];
};

const ERROR_LINE = /⨯|error|exception|unhandled|fail/i;

/**
 * The first error line the server logged between two positions of its log (else the first line).
 * `lookahead` characters past the end are read too, for a request whose error was logged late.
 */
export function logLineAround(log: string, from: number, to: number, lookahead = 0): string {
  const lines = log
    .slice(from, Math.min(log.length, to + lookahead))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.find((l) => ERROR_LINE.test(l)) ?? lines[0] ?? '').slice(0, 300);
}

/**
 * A failure's cause as a stable key: its log line without digests, ids, numbers and quoted values; when
 * the server logged nothing, the status and the kind of input (`segment %E0%A4%A`).
 */
export function causeOf(failure: Pick<Failure, 'status' | 'error' | 'log' | 'kind'>): string {
  if (failure.status !== 0 && !failure.log) return `HTTP ${failure.status}, nothing logged: ${failure.kind}`;
  const line = failure.status === 0 ? `no answer: ${failure.error ?? ''}` : failure.log;
  return line
    .replace(/digest[:=]\s*'?"?[\w-]+'?"?/gi, 'digest')
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…')
    .replace(/\b[0-9a-f]{16,}\b/gi, '#')
    .replace(/\d+/g, 'N')
    .slice(0, 160);
}

/** Whether an outcome is a failure: a 5xx, or no answer (except to a huge body, which may be cut off). */
export function isFailure(outcome: Outcome): boolean {
  if (outcome.status >= 500) return true;
  return outcome.status === 0 && !outcome.probe.body?.huge;
}

/** Log lines that mean the server process itself was hurt, whatever the answers said. */
export function unhandledErrors(log: string): string[] {
  return log
    .split('\n')
    .filter((l) => /unhandledRejection|uncaughtException|FATAL ERROR|heap out of memory/i.test(l))
    .map((l) => l.trim().slice(0, 300));
}

export function buildReport(
  outcomes: Outcome[],
  log: string,
  { seconds, serverExit }: { seconds: number; serverExit: number | null },
): Report {
  const histogram: Record<string, number> = {};
  for (const o of outcomes) histogram[o.status || 'no answer'] = (histogram[o.status || 'no answer'] ?? 0) + 1;
  const failures = outcomes.filter(isFailure).map((o): Failure => ({
    identity: o.probe.identity,
    method: o.probe.method,
    url: o.probe.url,
    target: o.probe.target,
    kind: o.probe.kind,
    status: o.status,
    error: o.error,
    // Sent again alone, its window is its own; else lines of parallel requests interleave.
    log: logLineAround(log, o.logFrom, o.logTo, o.ownLog ? 0 : 2000),
    alone: o.alone,
  }));
  const byCause = new Map<string, { count: number; targets: Set<string> }>();
  for (const f of failures) {
    const entry = byCause.get(causeOf(f)) ?? { count: 0, targets: new Set() };
    entry.count += 1;
    entry.targets.add(f.target);
    byCause.set(causeOf(f), entry);
  }
  const serverProblems = [
    ...(serverExit !== null ? [`the server process exited with ${serverExit}`] : []),
    ...unhandledErrors(log),
  ];
  return {
    requests: outcomes.length,
    seconds,
    histogram,
    failures,
    causes: [...byCause]
      .map(([cause, { count, targets }]) => ({ cause, count, targets: [...targets] }))
      .sort((a, b) => b.count - a.count),
    serverProblems,
    resent: outcomes
      .filter((o) => o.resentAfter && o.status !== 0)
      .map((o) => ({ method: o.probe.method, url: o.probe.url, error: o.resentAfter ?? '', status: o.status })),
  };
}

const short = (url: string) => (url.length > 140 ? `${url.slice(0, 137)}…` : url);

/** The summary printed at the end of a run. */
export function formatReport(report: Report): string {
  const lines = [
    `Hostile sweep: ${report.requests} requests in ${report.seconds.toFixed(0)} s.`,
    `Statuses: ${Object.entries(report.histogram)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ')}`,
  ];
  if (report.failures.length > 0) {
    lines.push('', `${report.failures.length} answers ≥ 500 or none:`);
    for (const f of report.failures) {
      const alone =
        f.alone === undefined ? '' : f.alone >= 500 || f.alone === 0 ? ', again alone' : `, ${f.alone} alone`;
      lines.push(`  ${f.status || 'no answer'} ${f.method} ${short(f.url)} [${f.identity}, ${f.kind}${alone}]`);
      lines.push(`      ${f.status === 0 ? f.error : f.log || '(nothing in the server log)'}`);
    }
    lines.push('', 'By cause:');
    for (const c of report.causes) {
      lines.push(`  ${String(c.count).padStart(4)}  ${c.cause}`);
      lines.push(`        on ${c.targets.slice(0, 6).join(', ')}${c.targets.length > 6 ? ', …' : ''}`);
    }
  }
  if (report.resent.length > 0) {
    lines.push('', `${report.resent.length} reset on a reused connection, answered when resent on a new one:`);
    for (const r of report.resent) lines.push(`  ${r.status} ${r.method} ${short(r.url)} (first: ${r.error})`);
  }
  for (const problem of report.serverProblems) lines.push(`Server: ${problem}`);
  const ok = report.failures.length === 0 && report.serverProblems.length === 0;
  lines.push('', ok ? 'No answer ≥ 500: passed.' : 'FAILED.');
  return lines.join('\n');
}
