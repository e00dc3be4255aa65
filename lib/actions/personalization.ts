'use server';

import { actionArg, INVALID_INPUT, valueAction } from '@/lib/http/action';
import { z } from 'zod';
import { AuthError, requireUser } from '@/lib/auth/session';
import { setPersonalization } from '@/lib/recommendations/mutations';
import { personalizationSchema } from '@/lib/recommendations/validation';

export type PersonalizationResult =
  { ok: true; enabled: boolean } | { ok: false; error: 'unauthenticated' | 'invalid' };

/**
 * The account-centre switch "personalised recommendations". Signed-in users only, for their own
 * account (the id comes from the session). Nothing cached depends on it: "for you" is read per request.
 */
export const updatePersonalizationAction = valueAction(
  'updatePersonalization',
  z.tuple([actionArg]),
  async (enabled: unknown): Promise<PersonalizationResult> => {
    let userId: number;
    try {
      userId = (await requireUser()).id;
    } catch (error) {
      if (error instanceof AuthError) return { ok: false, error: 'unauthenticated' };
      throw error;
    }
    const parsed = personalizationSchema.safeParse(enabled);
    if (!parsed.success) return { ok: false, error: 'invalid' };
    await setPersonalization(userId, parsed.data);
    return { ok: true, enabled: parsed.data };
  },
  INVALID_INPUT,
);
