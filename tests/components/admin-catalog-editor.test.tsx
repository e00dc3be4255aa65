import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newProductData } from '@/components/admin/catalog/editor-state';
import { ProductEditor } from '@/components/admin/catalog/product-editor';
import type { ProductEditorData } from '@/lib/admin/catalog/types';
import { MESSAGES } from '@/lib/i18n/messages';
import { at, first } from '@/tests/support/lists';
import { editionDraft } from '@/tests/support/catalog-drafts';
import { deferred } from '@/tests/support/deferred';

type Result = { ok: boolean; [key: string]: unknown } | null;

const actions = vi.hoisted(() => ({
  saveProductAction: vi.fn<(previous: unknown, formData: FormData) => Promise<Result>>(),
  createPersonAction: vi.fn<(previous: unknown, formData: FormData) => Promise<Result>>(),
  updateProductsStatusAction: vi.fn(),
}));
vi.mock('@/lib/actions/admin/catalog', () => actions);
const router = vi.hoisted(() => ({ replace: vi.fn(), refresh: vi.fn(), push: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

const genres = [
  { id: 1, slug: 'jazz', name: 'Jazz', nameZh: '爵士' },
  { id: 2, slug: 'soul', name: 'Soul', nameZh: '灵魂乐' },
];

function renderEditor(initial: ProductEditorData = newProductData()) {
  return render(
    <NextIntlClientProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
      <ProductEditor initial={initial} genres={genres} currency="USD" locale="en" />
    </NextIntlClientProvider>,
  );
}

/** The text an input points at through aria-describedby (its hint and error). */
const described = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

const sentPayload = () => JSON.parse(actions.saveProductAction.mock.calls.at(-1)![1].get('payload') as string);

beforeEach(() => {
  for (const fn of [...Object.values(actions), ...Object.values(router)]) fn.mockReset();
});

// The whole editor renders in jsdom; on a busy two-core machine that takes seconds.
describe('ProductEditor', { timeout: 30_000 }, () => {
  it('makes the slug from the title, adds and reorders tracks with buttons, and sends the whole product', async () => {
    renderEditor();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Björk: Homogénic' } });
    expect((screen.getByLabelText('Slug (URL)') as HTMLInputElement).value).toBe('bjork-homogenic');

    fireEvent.click(screen.getByRole('button', { name: 'Add a track' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a track' }));
    const titles = screen.getAllByLabelText('Track title');
    expect(titles).toHaveLength(2);
    await waitFor(() => expect(document.activeElement).toBe(titles[1]));
    fireEvent.change(at(titles, 0), { target: { value: 'Hunter' } });
    fireEvent.change(at(titles, 1), { target: { value: 'Jóga' } });
    fireEvent.change(first(screen.getAllByLabelText('Duration')), { target: { value: '4:15' } });
    expect(screen.getAllByLabelText('Position').map((i) => (i as HTMLInputElement).value)).toEqual(['1', '2']);

    // Keyboard users move a track with its button; focus stays on the moved track.
    const down = screen.getByRole('button', { name: 'Move Hunter down' });
    down.focus();
    fireEvent.click(down);
    expect(screen.getAllByLabelText('Track title').map((i) => (i as HTMLInputElement).value)).toEqual([
      'Jóga',
      'Hunter',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Hunter up' })));
    expect(screen.getByText('Hunter moved to place 2.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Move Hunter down' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Add an edition' }));
    fireEvent.change(screen.getByLabelText('SKU'), { target: { value: 'hom-cd' } });
    fireEvent.change(screen.getByLabelText('Price (USD)'), { target: { value: '11.99' } });
    fireEvent.change(screen.getByLabelText('Initial stock'), { target: { value: '3' } });
    fireEvent.click(screen.getByLabelText('Jazz'));

    actions.saveProductAction.mockResolvedValueOnce({
      ok: true,
      id: 77,
      slug: 'bjork-homogenic',
      created: true,
      product: null,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create the product' }));
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith('/admin/products/77?created=1'));
    const payload = sentPayload();
    expect(payload).toMatchObject({
      id: null,
      title: 'Björk: Homogénic',
      slug: 'bjork-homogenic',
      genreIds: [1],
      tracks: [
        { position: '1', title: 'Jóga', duration: '' },
        { position: '2', title: 'Hunter', duration: '4:15' },
      ],
      editions: [{ id: null, sku: 'hom-cd', format: 'cd', price: '11.99', initialStock: '3' }],
    });
    // Browser-only keys and read-only facts stay in the browser.
    expect(payload.tracks[0].key).toBeUndefined();
    expect(payload.editions[0].stock).toBeUndefined();
  });

  it('shows the pending state, then each error beside its field, keeping what was typed', async () => {
    renderEditor();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Taken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a track' }));
    // Adding a track focuses its title on the next frame; let that happen before saving.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Track title')));
    fireEvent.change(screen.getByLabelText('Duration'), { target: { value: '3:99' } });
    const answer = deferred<Result>();
    actions.saveProductAction.mockReturnValueOnce(answer.promise);
    const save = screen.getByRole('button', { name: 'Create the product' });
    fireEvent.click(save);
    await waitFor(() => expect(save).toHaveProperty('disabled', true));
    expect(save.getAttribute('aria-busy')).toBe('true');
    expect(save.textContent).toContain('Saving…');

    await act(async () =>
      answer.resolve({
        ok: false,
        fieldErrors: { slug: 'slugTaken', 'tracks.0.duration': 'durationInvalid', 'tracks.0.title': 'required' },
      }),
    );
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
    const slug = screen.getByLabelText('Slug (URL)');
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    expect(described(slug)).toContain('Another product already uses this slug.');
    expect(described(screen.getByLabelText('Duration'))).toContain('Enter a duration as m:ss (3:45) or h:mm:ss.');
    expect(described(screen.getByLabelText('Track title'))).toContain('Required.');
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();
    expect(within(screen.getByRole('alert')).getByText(/3 fields need attention/)).toBeTruthy();
    // Focus goes to the first field in error, and the text typed is still there.
    expect(document.activeElement).toBe(slug);
    expect((screen.getByLabelText('Duration') as HTMLInputElement).value).toBe('3:99');
    expect(router.replace).not.toHaveBeenCalled();
  });

  it('keeps stock read-only for existing editions and explains why a used edition cannot be removed', async () => {
    const initial: ProductEditorData = {
      ...newProductData(),
      id: 5,
      version: '2025-01-01 00:00:00+00',
      title: 'Blue Train',
      slug: 'blue-train',
      status: 'active',
      editions: [
        {
          ...editionDraft({
            sku: 'BT-LP',
            format: 'vinyl',
            vinylWeightGrams: '180',
            vinylSpeedRpm: '33',
            price: '24.00',
          }),
          id: 9,
          stock: 7,
          locked: true,
        },
      ],
    };
    renderEditor(initial);
    expect(screen.queryByLabelText('Initial stock')).toBeNull();
    expect(screen.getByText(/7 in stock/)).toBeTruthy();
    const remove = screen.getByRole('button', { name: 'Remove edition Vinyl · BT-LP' });
    expect(remove).toHaveProperty('disabled', true);
    expect(described(remove)).toContain('archive it instead');

    const fresh = { ...initial, version: '2025-01-02 00:00:00+00', title: 'Blue Train (Remastered)' };
    const saved = { ok: true, id: 5, slug: 'blue-train', created: false, product: fresh } as const;
    actions.saveProductAction.mockResolvedValueOnce(saved);
    fireEvent.click(screen.getByRole('button', { name: 'Save the product' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved.'));
    expect(screen.getByRole('link', { name: 'View it in the store' }).getAttribute('href')).toBe(
      '/products/blue-train',
    );
    // The editor now holds what was saved (its new version), ready for the next save.
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Blue Train (Remastered)');
    actions.saveProductAction.mockResolvedValueOnce(saved);
    fireEvent.click(await screen.findByRole('button', { name: 'Save the product' }));
    await waitFor(() => expect(actions.saveProductAction).toHaveBeenCalledTimes(2));
    expect(sentPayload().version).toBe('2025-01-02 00:00:00+00');
  });
});
