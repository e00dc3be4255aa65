import { getCurrentUser } from '@/lib/auth/session';
import { getPersonalization } from '@/lib/recommendations/queries';
import { PersonalizationSwitch } from './personalization-switch';

/**
 * The account centre's "personalised recommendations" switch, for the signed-in user's own account
 * (read from the session, never from a prop). Renders nothing for a guest.
 */
export async function PersonalizationToggle() {
  const user = await getCurrentUser();
  if (!user) return null;
  return <PersonalizationSwitch enabled={await getPersonalization(user.id)} />;
}
