import { describe, expect, it } from 'vitest';
import { mergeReports, emptyReport, REPORT_LIMITS } from '@/lib/admin/catalog/import-report';
import { BodyTooLargeError, readLinesLimited } from '@/lib/admin/catalog/request-body';
import type { ImportReport } from '@/lib/admin/catalog/types';

/** A request whose body arrives in these pieces (as bytes split anywhere, even inside a character). */
function streamed(pieces: Uint8Array[], onCancel?: () => void): Request {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel: onCancel,
  });
  return new Request('http://shop.test/import', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('readLinesLimited', () => {
  it('yields the lines as they arrive, across pieces and split characters, without blank ones', async () => {
    const bytes = new TextEncoder().encode('{"a":"月光"}\r\n\n{"b":2}\n{"c":3}');
    const request = streamed([bytes.slice(0, 7), bytes.slice(7, 9), bytes.slice(9, 20), bytes.slice(20)]);
    expect(await collect(readLinesLimited(request, { maxBytes: 1000, maxLineLength: 100 }))).toEqual([
      '{"a":"月光"}',
      '{"b":2}',
      '{"c":3}',
    ]);
  });

  it('stops at the byte limit or at an endless line, and cancels the rest of the upload', async () => {
    let cancelled = 0;
    const piece = new TextEncoder().encode('x'.repeat(600) + '\n');
    const big = streamed([piece, piece, piece], () => (cancelled += 1));
    await expect(collect(readLinesLimited(big, { maxBytes: 1000, maxLineLength: 10_000 }))).rejects.toThrow(
      BodyTooLargeError,
    );
    const endless = streamed(
      [new TextEncoder().encode('y'.repeat(500)), new TextEncoder().encode('y'.repeat(500))],
      () => (cancelled += 1),
    );
    await expect(collect(readLinesLimited(endless, { maxBytes: 10_000, maxLineLength: 600 }))).rejects.toThrow(
      BodyTooLargeError,
    );
    expect(cancelled).toBe(2);
    const declared = new Request('http://shop.test/import', {
      method: 'POST',
      body: 'z'.repeat(2000),
      headers: { 'content-length': '2000' },
    });
    await expect(collect(readLinesLimited(declared, { maxBytes: 1000, maxLineLength: 100 }))).rejects.toThrow(
      BodyTooLargeError,
    );
  });
});

describe('mergeReports', () => {
  const report = (firstLine: number, count: number): ImportReport => ({
    ...emptyReport(),
    rows: Array.from({ length: count }, (_, i) => ({
      line: firstLine + i,
      slug: 's',
      sku: 'S',
      product: 'create' as const,
      edition: 'create' as const,
    })),
    errors: Array.from({ length: count }, (_, i) => ({
      line: firstLine + i,
      column: 'price',
      message: 'priceInvalid',
    })),
    errorCount: count,
    counts: { ...emptyReport().counts, rows: count },
  });

  it('adds up the counts and keeps the first rows and errors by line, up to the limits', () => {
    const total = mergeReports(mergeReports(emptyReport(), report(1_000, 400)), report(2, 400));
    expect(total.counts.rows).toBe(800);
    expect(total.errorCount).toBe(800);
    expect(total.errors).toHaveLength(REPORT_LIMITS.issues);
    expect(total.errors[0].line).toBe(2);
    expect(total.errors.at(-1)!.line).toBe(1_000 + (REPORT_LIMITS.issues - 400) - 1);
    expect(total.rows.map((r) => r.line)).toEqual(Array.from({ length: REPORT_LIMITS.rows }, (_, i) => i + 2));
  });
});
