import { sql } from 'drizzle-orm';
import { updateTag } from 'next/cache';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { createPersonAction, saveProductAction, updateProductsStatusAction } from '@/lib/actions/admin/catalog';
import { saveProduct } from '@/lib/admin/catalog/save-product';
import { getProductForEditor, listAdminProducts, listGenreOptions, searchPeople } from '@/lib/admin/catalog/queries';
import type { ProductEditorData } from '@/lib/admin/catalog/types';
import type { EditionDraft, ProductDraft } from '@/lib/admin/catalog/drafts';
import { readAdminProductFilters } from '@/lib/admin/catalog/validation';
import { AuthError, getCurrentUser } from '@/lib/auth/session';
import { listProducts } from '@/lib/catalog/queries';
import { getPerson, getProduct } from '@/lib/catalog/detail-queries';
import { readFilters } from '@/lib/catalog/validation';
import type * as SearchMutations from '@/lib/catalog/search/mutations';
import { refreshSearchIndex } from '@/lib/catalog/search/mutations';
import { createTestEdition } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';
import { at, first } from '@/tests/support/lists';
import { createTestUser } from '@/tests/support/users';
import { editionDraft } from '@/tests/support/catalog-drafts';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));
// The real search refresh, which a test can make fail once to prove the save is all or nothing.
vi.mock('@/lib/catalog/search/mutations', async (original) => {
  const actual = await original<typeof SearchMutations>();
  return { ...actual, refreshSearchIndex: vi.fn(actual.refreshSearchIndex) };
});

const RUN = Date.now().toString(36);
let n = 0;
const newUser = async (role: 'customer' | 'admin') => (await createTestUser({ role, prefix: 'cat' })).id;

let adminId: number;
let customerId: number;

beforeAll(async () => {
  adminId = await newUser('admin');
  customerId = await newUser('customer');
});

beforeEach(async () => {
  requestContext.reset();
  vi.mocked(updateTag).mockClear();
  await signInAs(adminId);
});

const payload = (draft: unknown) => {
  const form = new FormData();
  form.set('payload', JSON.stringify(draft));
  return form;
};

const edition = (overrides: Partial<EditionDraft> = {}): EditionDraft =>
  editionDraft({
    sku: `SKU-${RUN}-${++n}`,
    format: 'vinyl',
    name: '2×LP 180 g',
    catalogNumber: 'NB-001',
    discCount: '2',
    packaging: 'Gatefold',
    vinylWeightGrams: '180',
    vinylSpeedRpm: '33',
    vinylColour: 'Clear',
    price: '29.99',
    initialStock: '4',
    ...overrides,
  });

async function personId(slug: string): Promise<number> {
  const row = await queryRow<{ id: number }>(await getDb(), sql`select id from people where slug = ${slug}`);
  return row.id;
}

async function someSeededPerson(): Promise<{ id: number; slug: string; name: string }> {
  const row = await queryRow<{ id: number; slug: string; name: string }>(
    await getDb(),
    sql`select id, slug, name from people order by id limit 1`,
  );
  return row;
}

function newDraft(overrides: Partial<ProductDraft> = {}): ProductDraft {
  return {
    id: null,
    version: null,
    slug: `nightbird-${RUN}`,
    kind: 'album',
    title: `Nightbird Quartzline ${RUN}`,
    originalTitle: '夜鳥',
    description: 'A late-night record.',
    releaseDate: '2021-03-04',
    ageRating: '',
    label: 'Harbour Records',
    status: 'active',
    genreIds: [],
    editions: [
      edition(),
      edition({
        format: 'cd',
        name: '',
        vinylWeightGrams: '',
        vinylSpeedRpm: '',
        vinylColour: '',
        price: '12.50',
        discCount: '1',
        initialStock: '',
      }),
    ],
    tracks: [
      { position: 'A1', discNumber: '1', title: 'Harbour Lights', duration: '3:07', previewUrl: '' },
      { position: 'A2', discNumber: '1', title: 'Glasswing', duration: '4:45', previewUrl: '' },
      { position: 'B1', discNumber: '1', title: 'Owl Hour', duration: '1:02:03', previewUrl: '' },
    ],
    credits: [],
    media: [
      {
        kind: 'cover',
        url: '/uploads/catalog/images/3f2504e0-4f89-41d3-9a0c-0305e82c3301.webp',
        alt: 'Cover',
        width: 1200,
        height: 1200,
      },
    ],
    ...overrides,
  };
}

async function countRows(table: string, where = sql`true`): Promise<number> {
  const row = await queryRow<{ n: number }>(
    await getDb(),
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
  );
  return row.n;
}

async function auditRows(entityId: number) {
  return queryRows<{
    action: string;
    actorUserId: number;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>(
    await getDb(),
    sql`select action, actor_user_id as "actorUserId", before, after from audit_log
      where entity = 'product' and entity_id = ${String(entityId)} order by id`,
  );
}

const tagsExpired = () => vi.mocked(updateTag).mock.calls.map(([tag]) => tag);

/** The editor's form state, as the page would hand it to the editor. */
async function editorState(id: number): Promise<ProductEditorData> {
  const admin = await getCurrentUser();
  const data = await getProductForEditor(admin as never, id);
  if (!data) throw new Error('no product');
  return data;
}

const toDraft = (data: ProductEditorData): ProductDraft => ({
  ...data,
  editions: data.editions.map(({ stock: _stock, locked: _locked, ...e }) => e),
  credits: data.credits.map(({ personName: _name, personSlug: _slug, ...c }) => c),
});

describe('creating and editing a product', () => {
  let productId: number;
  let slug: string;

  it('creates a product with editions, tracks, credits, genres and media, shown at once by the storefront and search', async () => {
    const artist = await someSeededPerson();
    const admin = await getCurrentUser();
    const genres = await listGenreOptions(admin as never);
    const draft = newDraft({
      credits: [{ personId: artist.id, role: 'artist', character: '' }],
      genreIds: [first(genres).id, at(genres, 1).id],
    });
    const result = await saveProductAction(null, payload(draft));
    expect(result).toMatchObject({ ok: true, created: true, slug: draft.slug });
    if (!result?.ok) return;
    productId = result.id;
    slug = result.slug;

    const product = await getProduct(slug);
    expect(product).not.toBeNull();
    expect(product!.title).toBe(draft.title);
    expect(product!.originalTitle).toBe('夜鳥');
    expect(product!.editions.map((e) => [e.format, e.priceMinor, e.stock])).toEqual([
      ['cd', 1250, 0],
      ['vinyl', 2999, 4],
    ]);
    expect(product!.editions.find((e) => e.format === 'vinyl')).toMatchObject({
      vinylWeightGrams: 180,
      vinylSpeedRpm: 33,
      discCount: 2,
    });
    expect(product!.tracks.map((t) => [t.position, t.title, t.durationSeconds])).toEqual([
      ['A1', 'Harbour Lights', 187],
      ['A2', 'Glasswing', 285],
      ['B1', 'Owl Hour', 3723],
    ]);
    expect(product!.credits).toEqual([expect.objectContaining({ personSlug: artist.slug, role: 'artist' })]);
    expect(product!.genres.map((g) => g.slug).sort()).toEqual([first(genres).slug, at(genres, 1).slug].sort());
    expect(product!.media[0]).toMatchObject({ kind: 'cover', width: 1200 });

    // Search: the title, a track title and the CJK original title all find it.
    for (const q of ['Quartzline', 'Glasswing', '夜鳥']) {
      const found = await listProducts(readFilters(new URLSearchParams({ q })));
      expect(
        found.items.map((i) => i.slug),
        q,
      ).toContain(slug);
    }
    // The person's page lists it.
    const person = await getPerson(artist.slug);
    expect(person!.roles.flatMap((r) => r.items.map((i) => i.slug))).toContain(slug);

    expect(tagsExpired()).toEqual(expect.arrayContaining(['catalog', `product:${slug}`, `person:${artist.slug}`]));

    // The stock ledger holds the initial stock: stock is the ledger's sum.
    const [ledger] = await queryRows<{ stock: number; ledger: number; reason: string; actor: number }>(
      await getDb(),
      sql`select e.stock, m.delta as ledger, m.reason, m.actor_user_id as actor from editions e
        join stock_movements m on m.edition_id = e.id where e.product_id = ${productId}`,
    );
    expect(ledger).toEqual({ stock: 4, ledger: 4, reason: 'initial', actor: adminId });

    const audit = first(await auditRows(productId));
    expect(audit).toMatchObject({ action: 'product.create', actorUserId: adminId, before: null });
    expect(audit.after).toMatchObject({ slug, title: draft.title, status: 'active' });
    expect((audit.after!.editions as unknown[]).length).toBe(2);
    expect((audit.after!.tracks as unknown[]).length).toBe(3);
  });

  it('edits: new slug, reordered and removed tracks, a new person, prices; the old slug is gone', async () => {
    const state = toDraft(await editorState(productId));
    expect(state.tracks.map((t) => t.duration)).toEqual(['3:07', '4:45', '1:02:03']);
    expect(state.editions.find((e) => e.format === 'vinyl')?.price).toBe('29.99');

    const created = await createPersonAction(
      null,
      (() => {
        const form = new FormData();
        form.set('name', `Mira Okonkwo ${RUN}`);
        form.set('originalName', '');
        return form;
      })(),
    );
    expect(created).toMatchObject({ ok: true, person: { name: `Mira Okonkwo ${RUN}` } });
    if (!created?.ok) return;
    const before = await getProduct(slug);

    const renamed = `nightbird-deluxe-${RUN}`;
    const result = await saveProductAction(
      null,
      payload({
        ...state,
        slug: renamed,
        title: `Nightbird Deluxe ${RUN}`,
        // Swap the first two tracks, drop the last, add one.
        tracks: [
          state.tracks[1],
          state.tracks[0],
          { position: 'B2', discNumber: '1', title: 'Coda', duration: '2:00', previewUrl: '' },
        ],
        credits: [...state.credits, { personId: created.person.id, role: 'producer', character: '' }],
        editions: state.editions.map((e) => (e.format === 'cd' ? { ...e, price: '9.99' } : e)),
      }),
    );
    expect(result).toMatchObject({ ok: true, created: false, slug: renamed });

    expect(await getProduct(slug)).toBeNull();
    const after = await getProduct(renamed);
    expect(after!.tracks.map((t) => t.title)).toEqual(['Glasswing', 'Harbour Lights', 'Coda']);
    expect(after!.editions.find((e) => e.format === 'cd')!.priceMinor).toBe(999);
    expect(after!.editions.find((e) => e.format === 'vinyl')!.stock).toBe(4);
    expect(after!.credits.map((c) => c.role).sort()).toEqual(['artist', 'producer']);
    expect(after!.editions.map((e) => e.id).sort()).toEqual(before!.editions.map((e) => e.id).sort());
    expect(tagsExpired()).toEqual(
      expect.arrayContaining(['catalog', `product:${slug}`, `product:${renamed}`, `person:${created.person.slug}`]),
    );
    const audits = await auditRows(productId);
    const update = at(audits, -1, 'audit row');
    expect(update.action).toBe('product.update');
    expect(update.before).toMatchObject({ slug, title: `Nightbird Quartzline ${RUN}` });
    expect(update.after).toMatchObject({ slug: renamed, title: `Nightbird Deluxe ${RUN}` });
    slug = renamed;
  });

  it('refuses a slug, SKU or barcode that is taken, with field errors, saving nothing', async () => {
    const products = await countRows('products');
    const editions = await countRows('editions');
    const audits = await countRows('audit_log');
    const other = await createTestEdition();
    const otherSku = await queryRow<{ sku: string }>(
      await getDb(),
      sql`select sku from editions where id = ${other.editionId}`,
    );
    const taken = await saveProductAction(null, payload(newDraft({ slug })));
    expect(taken).toEqual({ ok: false, fieldErrors: { slug: 'slugTaken' } });
    const skuTaken = await saveProductAction(
      null,
      payload(newDraft({ slug: `fresh-${RUN}`, editions: [edition({ sku: otherSku.sku.toLowerCase() })] })),
    );
    expect(skuTaken).toEqual({ ok: false, fieldErrors: { 'editions.0.sku': 'skuTaken' } });
    expect(await countRows('products')).toBe(products + 1); // only createTestEdition's
    expect(await countRows('editions')).toBe(editions + 1);
    expect(await countRows('audit_log')).toBe(audits);
  });

  it('answers bad input with field errors and no 5xx, saving nothing', async () => {
    const products = await countRows('products');
    for (const junk of [
      '',
      'not json',
      '{"title":1}',
      JSON.stringify(newDraft({ title: '', releaseDate: '31/12/2020' })),
    ]) {
      const form = new FormData();
      form.set('payload', junk);
      const result = await saveProductAction(null, form);
      expect(result?.ok).toBe(false);
      expect(result && !result.ok && result.fieldErrors).toBeTruthy();
    }
    const result = await saveProductAction(
      null,
      payload(
        newDraft({
          slug: `bad-${RUN}`,
          tracks: [{ position: '1', discNumber: '1', title: 'x', duration: '3:99', previewUrl: '' }],
          credits: [{ personId: 999_999_999, role: 'artist', character: '' }],
        }),
      ),
    );
    expect(result).toEqual({ ok: false, fieldErrors: { 'tracks.0.duration': 'durationInvalid' } });
    const unknownPerson = await saveProductAction(
      null,
      payload(newDraft({ slug: `bad-${RUN}`, credits: [{ personId: 999_999_999, role: 'artist', character: '' }] })),
    );
    expect(unknownPerson).toEqual({ ok: false, fieldErrors: { 'credits.0.personId': 'personMissing' } });
    expect(await countRows('products')).toBe(products);
  });

  it('rolls everything back when the save fails half-way', async () => {
    const state = toDraft(await editorState(productId));
    const audits = await countRows('audit_log');
    vi.mocked(refreshSearchIndex).mockRejectedValueOnce(new Error('injected fault'));
    await expect(
      saveProductAction(
        null,
        payload({ ...state, title: 'Half Saved', tracks: [], editions: [...state.editions, edition()] }),
      ),
      // The action helper logs the fault with a request id and tells the client only that id.
    ).rejects.toThrow(/^Unexpected error \(request [\w-]+\)$/);
    const after = await editorState(productId);
    expect(after.title).toBe(state.title);
    expect(after.tracks).toHaveLength(3);
    expect(after.editions).toHaveLength(2);
    expect(await countRows('audit_log')).toBe(audits);
  });

  it('refuses a save over someone else’s newer change, and an edition with sales history being removed', async () => {
    const state = toDraft(await editorState(productId));
    const stale = await saveProductAction(null, payload({ ...state, version: '2000-01-01 00:00:00+00' }));
    expect(stale).toEqual({ ok: false, fieldErrors: { form: 'stale' } });
    // The vinyl edition has an initial stock movement: it cannot be deleted, only archived.
    const vinyl = state.editions.find((e) => e.format === 'vinyl')!;
    const removed = await saveProductAction(
      null,
      payload({ ...state, title: 'Changed too', editions: state.editions.filter((e) => e !== vinyl) }),
    );
    expect(removed).toEqual({ ok: false, fieldErrors: { editions: `editionInUse:${vinyl.sku}` } });
    expect((await editorState(productId)).title).toBe(state.title);
    // A new edition without history can be removed again.
    const added = await saveProductAction(
      null,
      payload({ ...state, editions: [...state.editions, edition({ initialStock: '' })] }),
    );
    expect(added).toMatchObject({ ok: true });
    const withThree = toDraft(await editorState(productId));
    expect(withThree.editions).toHaveLength(3);
    const trimmed = await saveProductAction(
      null,
      payload({ ...withThree, editions: withThree.editions.filter((e) => state.editions.some((s) => s.id === e.id)) }),
    );
    expect(trimmed).toMatchObject({ ok: true });
    expect((await editorState(productId)).editions).toHaveLength(2);
  });

  it('keeps ordered editions: an edition in an order cannot be removed', async () => {
    const fixture = await createTestEdition({ stock: 0 });
    const db = await getDb();
    await db.execute(sql`delete from stock_movements where edition_id = ${fixture.editionId}`);
    const order = await queryRow<{ id: number }>(
      db,
      sql`insert into orders (number, email, status, currency, subtotal_minor, shipping_minor, tax_minor, total_minor,
          tax_inclusive, checkout_key, access_token_hash, payment_provider, expires_at)
        values ('EN-' || nextval('order_number_seq'), 'x@example.com', 'cancelled', 'USD', 0, 0, 0, 0, true, ${`k-${RUN}`}, '',
          'demo', now())
        returning id`,
    );
    await db.execute(sql`insert into order_lines (order_id, edition_id, product_slug, title, format, unit_price_minor, quantity,
        line_total_minor)
      values (${order.id}, ${fixture.editionId}, ${fixture.slug}, 'x', 'cd', 0, 1, 0)`);
    const state = toDraft(await editorState(fixture.productId));
    const result = await saveProductAction(null, payload({ ...state, status: 'draft', editions: [] }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { editions: expect.stringMatching(/^editionInUse:/) } });
  });
});

describe('the product list', () => {
  it('searches titles, SKUs and barcodes, filters and pages', async () => {
    const admin = await getCurrentUser();
    const list = (params: Record<string, string>) => listAdminProducts(admin as never, readAdminProductFilters(params));
    const all = await list({});
    expect(all.items).toHaveLength(50);
    expect(all.total).toBeGreaterThan(400);
    expect(all.pageCount).toBe(Math.ceil(all.total / 50));
    const page2 = await list({ page: '2' });
    expect(page2.items.map((i) => i.id)).not.toContain(first(all.items).id);

    const sample = await queryRow<{ slug: string; title: string; sku: string; barcode: string | null }>(
      await getDb(),
      sql`select p.slug, p.title, e.sku, e.barcode from products p join editions e on e.product_id = p.id
        where e.barcode is not null order by p.id limit 1`,
    );
    expect((await list({ q: sample.title.toUpperCase() })).items.map((i) => i.slug)).toContain(sample.slug);
    expect((await list({ q: sample.sku.toLowerCase() })).items.map((i) => i.slug)).toContain(sample.slug);
    expect((await list({ q: sample.barcode! })).items.map((i) => i.slug)).toEqual([sample.slug]);

    const drafts = await list({ status: 'draft', kind: 'film' });
    expect(drafts.items.every((i) => i.status === 'draft' && i.kind === 'film')).toBe(true);
    const vinyl = await list({ format: 'vinyl' });
    expect(vinyl.items.length).toBeGreaterThan(0);
    expect(vinyl.items.every((i) => i.formats.includes('vinyl'))).toBe(true);
    expect((await list({ q: 'zzzz-no-such-thing' })).items).toEqual([]);
  });

  it('changes the status of many products in one transaction with an audit row each', async () => {
    const admin = await getCurrentUser();
    const games = await queryRows<{ id: number; slug: string }>(
      await getDb(),
      sql`select id, slug from products where status = 'active' and kind = 'game' order by id limit 2`,
    );
    const [one, two] = [at(games, 0, 'game'), at(games, 1, 'game')];
    const form = new FormData();
    form.append('ids', String(one.id));
    form.append('ids', String(two.id));
    form.append('ids', String(one.id));
    form.set('status', 'archived');
    expect(await updateProductsStatusAction(null, form)).toEqual({ ok: true, changed: 2 });
    expect(await getProduct(one.slug)).toBeNull();
    expect(await getProduct(two.slug)).toBeNull();
    expect(tagsExpired()).toEqual(expect.arrayContaining(['catalog', `product:${one.slug}`, `product:${two.slug}`]));
    const audit = await auditRows(one.id);
    expect(audit[audit.length - 1]).toMatchObject({
      action: 'product.status',
      before: { status: 'active' },
      after: { status: 'archived' },
    });
    const archived = await listAdminProducts(admin as never, readAdminProductFilters({ status: 'archived' }));
    expect(archived.items.map((i) => i.id)).toEqual(expect.arrayContaining([one.id, two.id]));

    form.set('status', 'active');
    expect(await updateProductsStatusAction(null, form)).toEqual({ ok: true, changed: 2 });
    expect(await getProduct(one.slug)).not.toBeNull();

    const none = new FormData();
    none.set('status', 'archived');
    expect(await updateProductsStatusAction(null, none)).toEqual({ ok: false, fieldErrors: { ids: 'noneSelected' } });
    const bad = new FormData();
    bad.append('ids', String(one.id));
    bad.set('status', 'deleted');
    expect(await updateProductsStatusAction(null, bad)).toEqual({
      ok: false,
      fieldErrors: { status: 'statusInvalid' },
    });
  });

  it('finds people for the credit picker and makes unique slugs for new ones', async () => {
    const admin = await getCurrentUser();
    const person = await someSeededPerson();
    expect((await searchPeople(admin as never, person.name.slice(0, 4).toLowerCase())).map((p) => p.id)).toContain(
      person.id,
    );
    expect(await searchPeople(admin as never, '   ')).toEqual([]);
    const make = (name: string, originalName = '') => {
      const form = new FormData();
      form.set('name', name);
      form.set('originalName', originalName);
      return createPersonAction(null, form);
    };
    const a = await make(`Lena Park ${RUN}`);
    const b = await make(`Lena Park ${RUN}`);
    expect(a?.ok && b?.ok).toBe(true);
    if (!a?.ok || !b?.ok) return;
    expect(b.person.slug).toBe(`${a.person.slug}-2`);
    const cjk = await make('坂本龍一', '坂本龍一');
    expect(cjk).toMatchObject({ ok: true, person: { name: '坂本龍一' } });
    expect(await make('')).toEqual({ ok: false, fieldErrors: { name: 'required' } });
    expect(await personId(a.person.slug)).toBe(a.person.id);
  });
});

describe('non-admins', () => {
  it('refuses visitors and customers in actions and in the data layer, changing nothing', async () => {
    const products = await countRows('products');
    const people = await countRows('people');
    requestContext.reset();
    expect(await saveProductAction(null, payload(newDraft({ slug: `intruder-${RUN}` })))).toEqual({
      ok: false,
      error: 'unauthenticated',
    });
    await signInAs(customerId);
    expect(await saveProductAction(null, payload(newDraft({ slug: `intruder-${RUN}` })))).toEqual({
      ok: false,
      error: 'forbidden',
    });
    const form = new FormData();
    form.set('name', 'Intruder');
    expect(await createPersonAction(null, form)).toEqual({ ok: false, error: 'forbidden' });
    const customer = await getCurrentUser();
    expect(customer?.role).toBe('customer');
    await expect(listAdminProducts(customer as never, readAdminProductFilters({}))).rejects.toBeInstanceOf(AuthError);
    await expect(saveProduct(customer as never, {} as never)).rejects.toBeInstanceOf(AuthError);
    expect(await countRows('products')).toBe(products);
    expect(await countRows('people')).toBe(people);
  });
});
