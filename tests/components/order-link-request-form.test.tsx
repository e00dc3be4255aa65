import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OrderLinkRequestForm } from '@/components/orders/order-link-request-form';
import { MESSAGES } from '@/lib/i18n/messages';
import type { OrderLinkState } from '@/lib/actions/orders';
import { first } from '@/tests/support/lists';

const actions = vi.hoisted(() => ({
  requestOrderLinkAction: vi.fn<(previous: OrderLinkState, formData: FormData) => Promise<OrderLinkState>>(),
}));
vi.mock('@/lib/actions/orders', () => actions);

beforeEach(() => actions.requestOrderLinkAction.mockReset());

function renderForm(locale: 'en' | 'zh' = 'en') {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      <OrderLinkRequestForm number="EN-100123" />
    </NextIntlClientProvider>,
  );
}

describe('OrderLinkRequestForm', () => {
  it('sends the page’s order number with the typed address, then says a link is on its way', async () => {
    actions.requestOrderLinkAction.mockResolvedValue({ ok: true });
    renderForm();
    fireEvent.change(screen.getByLabelText('Email address used for the order'), {
      target: { value: 'ada@example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send a new link' }));
    await screen.findByRole('status', {}, { timeout: 5000 });
    expect(screen.getByRole('status').textContent).toContain('EN-100123');
    const [, formData] = first(actions.requestOrderLinkAction.mock.calls);
    expect(formData.get('number')).toBe('EN-100123');
    expect(formData.get('email')).toBe('ada@example.com');
  });

  it('shows a field error and the throttle message in Chinese', async () => {
    actions.requestOrderLinkAction.mockResolvedValueOnce({ ok: false, fieldErrors: { email: 'emailInvalid' } });
    renderForm('zh');
    const submit = screen.getByRole('button', { name: '发送新链接' }) as HTMLButtonElement;
    fireEvent.click(submit);
    await screen.findByText('请输入有效的邮箱地址。', {}, { timeout: 5000 });
    actions.requestOrderLinkAction.mockResolvedValueOnce({ ok: false, fieldErrors: { form: 'throttled' } });
    await waitFor(() => expect(submit.disabled).toBe(false), { timeout: 5000 });
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('此订单的请求过多，请一小时后再试。'), {
      timeout: 5000,
    });
    expect(actions.requestOrderLinkAction).toHaveBeenCalledTimes(2);
  });
});
