/**
 * A readable difference between the `before` and `after` records of an audit entry: the keys that
 * were added, removed or changed (nested objects compared by value), in key order, each value
 * rendered as short text. Unchanged keys are counted, not listed.
 */
export type DiffChange = {
  key: string;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
};

export type AuditDiff = { changes: DiffChange[]; unchanged: number };

const MAX_VALUE_LENGTH = 200;

/** JSON with object keys sorted, so that {a,b} and {b,a} compare equal. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A value as an admin reads it: strings as they are, everything else as compact JSON; long text cut. */
export function formatAuditValue(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? '' : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

export function diffAuditRecords(before: unknown, after: unknown): AuditDiff {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const keys = Array.from(new Set([...Object.keys(a), ...Object.keys(b)])).sort();
  const changes: DiffChange[] = [];
  let unchanged = 0;
  for (const key of keys) {
    const inBefore = Object.hasOwn(a, key);
    const inAfter = Object.hasOwn(b, key);
    if (inBefore && inAfter) {
      if (stable(a[key]) === stable(b[key])) unchanged += 1;
      else changes.push({ key, kind: 'changed', before: formatAuditValue(a[key]), after: formatAuditValue(b[key]) });
    } else if (inAfter) {
      changes.push({ key, kind: 'added', before: null, after: formatAuditValue(b[key]) });
    } else {
      changes.push({ key, kind: 'removed', before: formatAuditValue(a[key]), after: null });
    }
  }
  return { changes, unchanged };
}
