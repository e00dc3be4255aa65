import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

let common: Set<string> | undefined;

/**
 * True for the 10,000 most common passwords (lib/accounts/common-passwords.txt), compared as typed
 * and in lower case.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    fs
      .readFileSync(path.join(process.cwd(), 'lib', 'accounts', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common.has(password) || common.has(password.toLowerCase());
}
