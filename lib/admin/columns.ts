import { users } from '@/lib/accounts/schema';

/** Who did something, over a join to `users` (nameOrUsername picks what to show). */
export const actorNameFields = { actorDisplayName: users.displayName, actorName: users.username };
