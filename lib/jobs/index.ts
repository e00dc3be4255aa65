import 'server-only';
import { deliverPendingMail } from '@/lib/mail/mutations';
import { registerJob } from './scheduler';

// The store's background jobs. Each one is idempotent and safe on several instances at once.
registerJob({ name: 'deliver-mail', everySeconds: 60, run: () => deliverPendingMail() });

export { runAllJobs, startJobTimers } from './scheduler';
