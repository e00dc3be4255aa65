import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/admin-ops.json';
import zh from '@/lib/i18n/messages/zh/admin-ops.json';
import { COPY_CHANGES } from '@/lib/admin/rentals/validation';

/** Every `.ts` file under lib/. */
function sources(dir = 'lib'): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** The audit actions and entities the code writes: literals, and the rental copy changes it builds. */
function written() {
  const code = sources().map((file) => fs.readFileSync(file, 'utf8'));
  const all = (pattern: RegExp) => code.flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1] ?? ''));
  const actions = new Set([
    ...all(/action: (?:[^'\n]*\? )?'([a-z_]+\.[a-z_]+)'/g),
    ...all(/action: [^\n]*: '([a-z_]+\.[a-z_]+)'/g),
    ...all(/auditStaffChange\(\w+, \w+, '([a-z_]+\.[a-z_]+)'/g),
    ...all(/updateCopy\(admin, '([a-z_]+\.[a-z_]+)'/g),
    ...COPY_CHANGES.filter((change) => change !== 'grade').map((change) => `rental_copy.${change}`),
  ]);
  const entities = new Set([...all(/entity: '([a-z_]+)'/g), 'order', 'return']);
  return { actions: [...actions].sort(), entities: [...entities].sort() };
}

describe('the audit log', () => {
  it('names every action and entity the code writes, in English and Chinese (no raw codes)', () => {
    const { actions, entities } = written();
    expect(actions.length).toBeGreaterThan(30);
    for (const messages of [en, zh]) {
      const labels = messages.admin.audit as { actions: Record<string, string>; entities: Record<string, string> };
      expect(actions.filter((action) => !labels.actions[action.replace('.', '_')])).toEqual([]);
      expect(entities.filter((entity) => !labels.entities[entity])).toEqual([]);
    }
  });
});
