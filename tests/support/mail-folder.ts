import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

/** A mail the store wrote into its MAIL_DIR folder (lib/mail/transport.ts), parsed back. */
export type FolderMail = { file: string; to: string; subject: string; text: string; html: string };

/** Every mail in the folder, oldest first (file names sort by sending time). */
export async function readMailFolder(dir: string): Promise<FolderMail[]> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const parsed = await simpleParser(await fs.readFile(path.join(dir, name)));
      const to = [parsed.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
      return {
        file: name,
        to: to.join(', '),
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
      };
    }),
  );
}

/**
 * Waits for the newest mail to `to` whose subject or text matches `pattern` (delivery runs after
 * the response), and returns it; rejects after `timeoutMs`.
 */
export async function waitForMail(dir: string, to: string, pattern: RegExp, timeoutMs = 15_000): Promise<FolderMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await readMailFolder(dir))
      .reverse()
      .find((m) => m.to.toLowerCase() === to.toLowerCase() && (pattern.test(m.subject) || pattern.test(m.text)));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${pattern} in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
