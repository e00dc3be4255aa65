import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendLargeStringsAsBuffers } from '@/lib/http/string-bodies';

const large = '中文 – ' + 'x'.repeat(70_000) + ' ✓';
let server: Server;
let base: string;
let callbacks = 0;

beforeAll(async () => {
  sendLargeStringsAsBuffers();
  server = createServer((req, res) => {
    if (req.url === '/end') return res.end(large);
    if (req.url === '/small') return res.end('héllo 中文');
    if (req.url === '/latin1') return res.end('é'.repeat(20_000), 'latin1');
    // write(chunk, encoding, callback) then end(callback): the arguments keep their meaning.
    res.write(large, 'utf8', () => callbacks++);
    res.end(() => callbacks++);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('large string bodies', () => {
  it('arrive byte for byte', async () => {
    expect(await (await fetch(`${base}/end`)).text()).toBe(large);
    expect(await (await fetch(`${base}/small`)).text()).toBe('héllo 中文');
    expect(await (await fetch(`${base}/write`)).text()).toBe(large);
    expect(callbacks).toBe(2);
  });

  it('keep the encoding they were written with', async () => {
    const bytes = new Uint8Array(await (await fetch(`${base}/latin1`)).arrayBuffer());
    expect(bytes.length).toBe(20_000);
    expect(bytes.every((byte) => byte === 0xe9)).toBe(true);
  });
});
