// npm run admin:create -- --email <email> [--username <name>]
// Creates an admin account, or promotes the existing account with that email. The password of a new
// account comes from ADMIN_PASSWORD or, when that is unset, a prompt (input hidden).
import readline from 'node:readline';
import { closeDb } from '@/db';
import { createOrPromoteAdmin } from '@/lib/accounts/mutations';
import { env } from '@/lib/env';
import { deliverMail } from '@/lib/jobs/mail';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      write.call(rl, s.startsWith(question) ? s : '');
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main() {
  const email = arg('email');
  if (!email) throw new Error('Usage: npm run admin:create -- --email <email> [--username <name>]');
  let password = env.ADMIN_PASSWORD;
  const first = await createOrPromoteAdmin({ email, username: arg('username'), password });
  if (!first.ok && !password && process.stdin.isTTY) {
    password = await promptHidden('Password for the new admin account: ');
    const second = await createOrPromoteAdmin({ email, username: arg('username'), password });
    report(second, email);
  } else {
    report(first, email);
  }
  // Send the welcome mail of a new account now rather than at the server's next delivery run.
  await deliverMail();
  await closeDb();
}

function report(result: Awaited<ReturnType<typeof createOrPromoteAdmin>>, email: string) {
  if (!result.ok) throw new Error(`Could not create the admin: ${result.message}`);
  console.log(result.created ? `Created the admin account ${email}.` : `${email} is now an admin.`);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
