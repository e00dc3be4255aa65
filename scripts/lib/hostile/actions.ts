import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type BodyVariant, deepJson, HOSTILE_VALUES, multipartBody, streamedJson, wideJson } from './inputs';
import { type Segment, workerSegments } from './routes';

/**
 * The server actions of a production build, and hostile calls of them. The ids come from the build's
 * `.next/server/server-reference-manifest.json`, which also lists the `'use cache'` functions: the
 * server answers calls of those too, so they are swept alike.
 *
 * How Next 16 calls an action (node_modules/next/dist/server/app-render/action-handler.js): a POST to
 * a page that uses it with the `Next-Action: <id>` header and the arguments encoded by React's
 * `encodeReply`: a `text/plain` JSON array when they are plain values, `multipart/form-data` when one
 * is a FormData (its entries as `_1_<name>`, the array in field `0` pointing at it as `"$K1"`). A form
 * submitted before JavaScript loads posts multipart data with a `$ACTION_ID_<id>` field instead.
 */

export type ServerAction = {
  id: string;
  /** `lib/actions/cart.ts#addToCartAction`, or `…#$$RSC_SERVER_CACHE_0` for a cached function. */
  name: string;
  cached: boolean;
  /** The segments of a page the action can be posted to. */
  page: Segment[];
};

type Manifest = {
  node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
};

/** The actions of the build in `nextDir`, each with the first page that uses it. */
export function readServerActions(nextDir = path.join(process.cwd(), '.next')): ServerAction[] {
  const file = path.join(nextDir, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  return Object.entries(manifest.node).flatMap(([id, entry]) => {
    const page = Object.keys(entry.workers)
      .map(workerSegments)
      .find((s) => s !== null);
    if (!page) return [];
    const exported = entry.exportedName ?? '?';
    return [{ id, name: `${entry.filename ?? '?'}#${exported}`, cached: exported.includes('SERVER_CACHE'), page }];
  });
}

type EncodeReply = (value: unknown) => Promise<string | FormData>;
// React's own encoder, as bundled with Next (no separate install): the bodies are what a browser sends.
const { encodeReply } = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-webpack/client.edge') as {
  encodeReply: EncodeReply;
};

/** One call of an action: the body and whether it goes with the `Next-Action` header (a fetch call). */
export type ActionCall = { kind: string; fetchCall: boolean; body: BodyVariant };

async function encoded(kind: string, args: unknown[]): Promise<ActionCall> {
  const reply = await encodeReply(args);
  if (typeof reply === 'string')
    return { kind, fetchCall: true, body: { kind, contentType: 'text/plain', body: reply } };
  const entries = [...reply.entries()].map(([name, value]) => [name, String(value)] as [string, string]);
  return { kind, fetchCall: true, body: { ...multipartBody(entries), kind } };
}

/** A FormData with every field set to the value. */
function formWith(fields: readonly string[], value: string): FormData {
  const form = new FormData();
  for (const name of fields) form.append(name, value);
  return form;
}

const FORM_VALUES = ['nul-inside', 'control', 'overflow', 'long', 'empty'];

/**
 * Hostile calls of an action. Form actions get each hostile value in every field, as the second
 * argument (a `useActionState` form: previous state, then the form) and as the first (a plain form
 * action); every action gets wrong argument types and a no-JavaScript form post. `thorough` adds
 * the calls that only need making once per run: bodies React cannot decode, and big ones.
 */
export async function hostileActionCalls(
  action: ServerAction,
  fields: readonly string[],
  { thorough = false } = {},
): Promise<ActionCall[]> {
  const raw = (kind: string, body?: string): ActionCall => ({
    kind,
    fetchCall: true,
    body: { kind, contentType: 'text/plain', body },
  });
  const calls: ActionCall[] = [
    await encoded('args-nul', ['\u0000', 'a\u0000b']),
    await encoded('args-numbers', [1.7976931348623157e308, -1, Number.NaN]),
    await encoded('args-wrong-types', [[], { $ne: null }, true]),
    await encoded('args-none', []),
    await encoded('args-long', ['x'.repeat(5000), 'x'.repeat(5000)]),
  ];
  if (!action.cached) {
    for (const { kind, value } of HOSTILE_VALUES.filter((v) => FORM_VALUES.includes(v.kind))) {
      calls.push(await encoded(`form-${kind}`, [undefined, formWith(fields, value)]));
    }
    calls.push(await encoded('form-first-nul', [formWith(fields, 'a\u0000b')]));
    const noScript = multipartBody([
      [`$ACTION_ID_${action.id}`, ''],
      ...fields.map((f): [string, string] => [f, 'a\u0000b']),
    ]);
    calls.push({ kind: 'no-js-form-nul', fetchCall: false, body: { ...noScript, kind: 'no-js-form-nul' } });
  }
  // Bodies React cannot decode fail before any action runs, the same for all of them: sent once.
  if (thorough) {
    calls.push(raw('raw-deep-10000', deepJson(10_000)), raw('raw-wide-100000', wideJson(100_000)));
    calls.push(raw('raw-not-json', '["x", '), raw('raw-empty'), raw('raw-object', '{"0":1}'));
    calls.push(await encoded('form-2mb', [undefined, formWith(['q'], 'x'.repeat(2 * 1024 * 1024))]));
    calls.push({
      kind: 'raw-20mb',
      fetchCall: true,
      body: { kind: 'raw-20mb', contentType: 'text/plain', body: streamedJson(20 * 1024 * 1024), huge: true },
    });
  }
  return calls;
}
