import { describe, expect, it } from 'vitest';
import { niceCeiling } from '@/components/admin/dashboard/revenue-chart';
import { MAX_RANGE_DAYS, parseDashboardRange, presetRange, spanDays } from '@/lib/admin/dashboard/range';

const now = new Date('2026-03-15T23:30:00Z');

describe('parseDashboardRange', () => {
  it('defaults to the last 30 UTC days, today included', () => {
    const { range, errors } = parseDashboardRange({}, now);
    expect(range).toEqual({ from: '2026-02-14', to: '2026-03-15', days: 30, preset: 30 });
    expect(errors).toEqual({});
  });

  it('takes the 7 and 90 day presets and ignores other values', () => {
    expect(parseDashboardRange({ range: '7' }, now).range).toEqual({
      from: '2026-03-09',
      to: '2026-03-15',
      days: 7,
      preset: 7,
    });
    expect(parseDashboardRange({ range: '90' }, now).range.from).toBe('2025-12-16');
    expect(parseDashboardRange({ range: '365' }, now).range.preset).toBe(30);
    expect(parseDashboardRange({ range: ['7', '90'] }, now).range.preset).toBe(7);
  });

  it('uses the UTC day even late in the evening elsewhere', () => {
    expect(presetRange(7, new Date('2026-03-15T00:00:00Z')).to).toBe('2026-03-15');
    expect(presetRange(7, new Date('2026-03-14T23:59:59.999Z')).to).toBe('2026-03-14');
  });

  it('takes a custom range, both days included', () => {
    const { range, errors } = parseDashboardRange({ from: '2026-01-01', to: '2026-01-31', range: '7' }, now);
    expect(errors).toEqual({});
    expect(range).toEqual({ from: '2026-01-01', to: '2026-01-31', days: 31, preset: null });
    expect(parseDashboardRange({ from: '2026-03-15', to: '2026-03-15' }, now).range.days).toBe(1);
  });

  it('refuses bad custom ranges with field errors and falls back to the default', () => {
    const cases: [Record<string, string>, object][] = [
      [{ from: '2026-02-30', to: '2026-03-01' }, { from: 'invalidDate' }],
      [{ from: 'yesterday', to: '2026-03-01' }, { from: 'invalidDate' }],
      [{ from: '2026-03-01' }, { to: 'required' }],
      [{ to: '2026-03-01' }, { from: 'required' }],
      [{ from: '2026-03-10', to: '2026-03-01' }, { to: 'order' }],
      [{ from: '2026-03-16', to: '2026-03-20' }, { from: 'future' }],
      [{ from: '2024-01-01', to: '2026-03-01' }, { to: 'tooLong' }],
    ];
    for (const [params, errors] of cases) {
      const result = parseDashboardRange(params, now);
      expect(result.errors, JSON.stringify(params)).toEqual(errors);
      expect(result.range.preset).toBe(30);
      // What was typed is kept for the form.
      expect(result.custom).toEqual({ from: params.from ?? '', to: params.to ?? '' });
    }
  });

  it('allows exactly the longest range', () => {
    const from = '2025-03-15';
    const to = '2026-03-15';
    expect(spanDays(from, to)).toBe(366);
    expect(parseDashboardRange({ from, to }, now).errors).toEqual({});
    expect(parseDashboardRange({ from: '2025-03-14', to }, now).errors).toEqual({ to: 'tooLong' });
    expect(MAX_RANGE_DAYS).toBe(366);
  });
});

describe('niceCeiling', () => {
  it('rounds the chart top up to a readable number', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(12)).toBe(20);
    expect(niceCeiling(2100)).toBe(2500);
    expect(niceCeiling(2500)).toBe(2500);
    expect(niceCeiling(48_000)).toBe(50_000);
  });
});
