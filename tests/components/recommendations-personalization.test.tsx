import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PersonalizationSwitch } from '@/components/recommendations/personalization-switch';
import { MESSAGES } from '@/lib/i18n/messages';
import type { PersonalizationResult } from '@/lib/actions/personalization';
import { deferred } from '@/tests/support/deferred';

const actions = vi.hoisted(() => ({
  updatePersonalizationAction: vi.fn<(enabled: unknown) => Promise<PersonalizationResult>>(),
}));
vi.mock('@/lib/actions/personalization', () => actions);

function renderSwitch(enabled: boolean, locale: 'en' | 'zh' = 'en') {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      <PersonalizationSwitch enabled={enabled} />
    </NextIntlClientProvider>,
  );
}

beforeEach(() => actions.updatePersonalizationAction.mockReset());

describe('PersonalizationSwitch', () => {
  it('is a labelled switch that flips at once, saves, and announces the result', async () => {
    const pending = deferred<PersonalizationResult>();
    actions.updatePersonalizationAction.mockReturnValue(pending.promise);
    renderSwitch(true);
    const toggle = screen.getByRole('switch', { name: 'Recommend products based on what I view and buy' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(toggle.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(toggle.getAttribute('aria-busy')).toBe('true');
    expect(actions.updatePersonalizationAction).toHaveBeenCalledWith(false);
    await act(async () => pending.resolve({ ok: true, enabled: false }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Personalised recommendations are off.'));
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(toggle.getAttribute('aria-busy')).toBeNull();
  });

  it('flips back and says so when saving fails', async () => {
    actions.updatePersonalizationAction.mockResolvedValue({ ok: false, error: 'unauthenticated' });
    renderSwitch(false);
    const toggle = screen.getByRole('switch');
    fireEvent.click(toggle);
    // The message and the switch flipping back come from one transition's end, not always in one render.
    await waitFor(() => {
      expect(screen.getByRole('status').textContent).toBe('The setting could not be saved. Try again.');
      expect(toggle.getAttribute('aria-checked')).toBe('false');
    });
  });

  it('speaks Chinese', () => {
    renderSwitch(true, 'zh');
    expect(screen.getByRole('switch', { name: '根据我浏览和购买的商品推荐' })).toBeTruthy();
  });
});
