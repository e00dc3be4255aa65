import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDemoLedger,
  type Catalog,
  DEMO_TRAILER_URL,
  ean13CheckDigit,
  type EditionFormat,
  generateCatalog,
  genresForKind,
  isDigitalFormat,
  isValidEan13,
  type SeedEdition,
  type SeedProduct,
  slugify,
} from '@/db/seed/catalog';
import { ANCHOR_PRODUCTS } from '@/db/seed/data/anchors';
import { Rng, rngFor } from '@/db/seed/random';
import { coverAspect } from '@/lib/catalog/cover-art';
import { must } from '@/lib/must';

const TODAY = new Date('2026-06-15T10:30:00Z');
const TODAY_ISO = '2026-06-15';
const DAY = 86_400_000;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const catalog: Catalog = generateCatalog({ today: TODAY });
const bySlug = new Map(catalog.products.map((p) => [p.slug, p]));
const allEditions = catalog.products.flatMap((product) => product.editions.map((edition) => ({ product, edition })));
const physical = allEditions.filter(({ edition }) => !edition.digital);
const peopleBySlug = new Map(catalog.people.map((p) => [p.slug, p]));

function product(slug: string): SeedProduct {
  const found = bySlug.get(slug);
  if (!found) throw new Error(`missing product ${slug}`);
  return found;
}

function edition(sku: string): SeedEdition {
  const found = allEditions.find((e) => e.edition.sku === sku);
  if (!found) throw new Error(`missing edition ${sku}`);
  return found.edition;
}

function share(part: number, whole: number): number {
  return part / whole;
}

const isPreorder = (p: SeedProduct) => p.releaseDate > TODAY_ISO;

describe('random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    const c = new Rng('y');
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps int, pick, weighted, shuffle and sample within their contracts', () => {
    const rng = rngFor('contracts');
    const ints = Array.from({ length: 2000 }, () => rng.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(rng.shuffle(items).sort()).toEqual(items);
    expect(new Set(rng.sample(items, 3)).size).toBe(3);
    const picks = Array.from({ length: 2000 }, () =>
      rng.weighted([
        ['rare', 1],
        ['common', 9],
        ['never', 0],
      ] as const),
    );
    expect(picks).not.toContain('never');
    expect(share(picks.filter((p) => p === 'common').length, picks.length)).toBeGreaterThan(0.8);
    expect(() => rng.pick([])).toThrow();
  });
});

describe('helpers', () => {
  it('slugifies titles to kebab-case ASCII', () => {
    expect(slugify("The Cartographer's Daughter")).toBe('the-cartographers-daughter');
    expect(slugify('Glitter & Gravel')).toBe('glitter-and-gravel');
    expect(slugify('Søren Åkesson')).toBe('soren-akesson');
    expect(slugify('  Noémie -- O’Hara!  ')).toBe('noemie-ohara');
  });

  it('computes EAN-13 check digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
  });

  it('builds a ledger that sums to the stock and never goes negative', () => {
    for (let i = 0; i < 200; i++) {
      const rng = rngFor(`ledger:${i}`);
      const stock = i % 7 === 0 ? 0 : rng.int(1, 60);
      const now = TODAY.getTime();
      const ledger = buildDemoLedger(rng, {
        stock,
        popularity: rng.next(),
        demand: 1,
        openedAt: now - 200 * DAY,
        salesFrom: now - 120 * DAY,
        salesTo: now - 3_600_000,
      });
      expect(ledger[0]?.reason).toBe('initial');
      let running = 0;
      for (const row of ledger) {
        expect(row.delta).not.toBe(0);
        running += row.delta;
        expect(running).toBeGreaterThanOrEqual(0);
      }
      expect(running).toBe(stock);
    }
  });
});

describe('generated demo catalog', () => {
  it('is deterministic', () => {
    expect(generateCatalog({ today: TODAY })).toEqual(catalog);
    // Another day moves dates, not the catalog itself.
    const later = generateCatalog({ today: new Date('2026-09-01T08:00:00Z') });
    expect(later.products.map((p) => p.slug)).toEqual(catalog.products.map((p) => p.slug));
    expect(later.people).toEqual(catalog.people);
  });

  it('has at least 410 products over all four kinds and six decades', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(410);
    const count = (kind: SeedProduct['kind']) => catalog.products.filter((p) => p.kind === kind).length;
    expect(count('album')).toBeGreaterThanOrEqual(180);
    expect(count('album')).toBeLessThanOrEqual(200);
    expect(count('film')).toBeGreaterThanOrEqual(100);
    expect(count('film')).toBeLessThanOrEqual(120);
    expect(count('series')).toBeGreaterThanOrEqual(45);
    expect(count('series')).toBeLessThanOrEqual(55);
    expect(count('game')).toBeGreaterThanOrEqual(55);
    expect(count('game')).toBeLessThanOrEqual(65);
    const decades = new Set(catalog.products.map((p) => Math.floor(Number(p.releaseDate.slice(0, 4)) / 10) * 10));
    for (const decade of [1960, 1970, 1980, 1990, 2000, 2010, 2020]) expect(decades).toContain(decade);
    for (const p of catalog.products) expect(p.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has exactly 3 draft and 2 archived products, and a few hidden editions on active ones', () => {
    const statuses = catalog.products.map((p) => p.status);
    expect(statuses.filter((s) => s === 'draft')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'archived')).toHaveLength(2);
    const active = catalog.products.filter((p) => p.status === 'active');
    const hidden = active.flatMap((p) => p.editions).filter((e) => e.status !== 'active');
    expect(hidden.filter((e) => e.status === 'archived').length).toBeGreaterThanOrEqual(4);
    expect(hidden.filter((e) => e.status === 'draft').length).toBeGreaterThanOrEqual(2);
    expect(hidden.length).toBeLessThanOrEqual(10);
    for (const p of active) expect(p.editions.some((e) => e.status === 'active')).toBe(true);
  });

  it('uses unique kebab-case slugs, unique uppercase SKUs and unique valid EAN-13 barcodes', () => {
    const slugs = catalog.products.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const skus = allEditions.map(({ edition: e }) => e.sku);
    expect(new Set(skus).size).toBe(skus.length);
    for (const sku of skus) expect(sku).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
    const barcodes = physical.map(({ edition: e }) => e.barcode);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    for (const barcode of barcodes) expect(barcode !== null && isValidEan13(barcode)).toBe(true);
    for (const { edition: e } of allEditions) if (e.digital) expect(e.barcode).toBeNull();
  });

  it('respects every CHECK and unique constraint of the schema', () => {
    for (const { edition: e } of allEditions) {
      expect(e.stock).toBeGreaterThanOrEqual(0);
      expect(e.priceMinor).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(e.priceMinor)).toBe(true);
      if (e.rentable) {
        expect(e.rentalPriceMinor).not.toBeNull();
        expect(e.rentalPriceMinor ?? -1).toBeGreaterThanOrEqual(0);
      }
      if (e.availableFrom && e.availableUntil)
        expect(e.availableFrom.getTime()).toBeLessThan(e.availableUntil.getTime());
      for (const row of e.ledger) expect(row.delta).not.toBe(0);
    }
    for (const p of catalog.products) {
      for (const t of p.tracks) expect(t.durationSeconds).toBeGreaterThan(0);
      const orders = p.tracks.map((t) => t.sortOrder);
      expect(new Set(orders).size).toBe(orders.length);
      const creditKeys = p.credits.map((c) => `${c.personSlug}|${c.role}`);
      expect(new Set(creditKeys).size).toBe(creditKeys.length);
      expect(new Set(p.genres).size).toBe(p.genres.length);
    }
    const personSlugs = catalog.people.map((p) => p.slug);
    expect(new Set(personSlugs).size).toBe(personSlugs.length);
    const genreSlugs = catalog.genres.map((g) => g.slug);
    expect(new Set(genreSlugs).size).toBe(genreSlugs.length);
  });

  it('gives every product 1–4 editions with plausible formats and prices', () => {
    const formatsByKind: Record<SeedProduct['kind'], EditionFormat[]> = {
      album: ['cd', 'vinyl', 'cassette', 'digital_audio'],
      film: ['dvd', 'bluray', 'uhd_bluray', 'digital_video'],
      series: ['dvd', 'bluray', 'digital_video'],
      game: ['game_disc', 'game_cartridge', 'game_digital'],
    };
    const ranges: Record<string, [number, number]> = {
      cd: [999, 1599],
      vinyl: [2199, 4499],
      cassette: [899, 1299],
      digital_audio: [799, 1199],
      dvd: [799, 1499],
      bluray: [1299, 2499],
      uhd_bluray: [1999, 3499],
      digital_video: [999, 1999],
      'series-dvd': [2499, 7999],
      'series-bluray': [2499, 7999],
      game: [1999, 6999],
    };
    let ninetyNine = 0;
    for (const p of catalog.products) {
      expect(p.editions.length).toBeGreaterThanOrEqual(1);
      expect(p.editions.length).toBeLessThanOrEqual(4);
      for (const e of p.editions) {
        expect(formatsByKind[p.kind]).toContain(e.format);
        const key =
          p.kind === 'game'
            ? 'game'
            : p.kind === 'series' && e.format !== 'digital_video'
              ? `series-${e.format}`
              : e.format;
        const [min, max] = must(ranges[key], `price range of ${key}`);
        expect(e.priceMinor, `${e.sku} ${e.priceMinor}`).toBeGreaterThanOrEqual(min);
        expect(e.priceMinor, `${e.sku} ${e.priceMinor}`).toBeLessThanOrEqual(max);
        if (e.priceMinor % 100 === 99) ninetyNine++;
        if (e.rentable) {
          expect(e.rentalPriceMinor ?? 0).toBeGreaterThanOrEqual(299);
          expect(e.rentalPriceMinor ?? 0).toBeLessThanOrEqual(599);
        }
        if (e.format === 'vinyl') {
          expect([140, 180]).toContain(e.vinylWeightGrams);
          expect([33, 45]).toContain(e.vinylSpeedRpm);
          expect(e.vinylColour).toBeTruthy();
        }
        if (e.format === 'dvd') expect(['1', '2', '3', 'ALL']).toContain(e.regionCode);
        if (e.format === 'bluray') expect(['A', 'B', 'C', 'ABC']).toContain(e.regionCode);
        if (p.kind === 'film' || p.kind === 'series') {
          expect(e.audioLanguages.length).toBeGreaterThan(0);
          for (const code of [...e.audioLanguages, ...e.subtitleLanguages]) expect(code).toMatch(/^[a-z]{2}$/);
        }
        if (p.kind === 'series' && e.format !== 'digital_video') expect(e.discCount ?? 0).toBeGreaterThanOrEqual(2);
        if (p.kind === 'game') {
          const platforms: Record<string, string[]> = {
            game_disc: ['PlayStation 5', 'Xbox Series X', 'PlayStation 4', 'Xbox One'],
            game_cartridge: ['Nintendo Switch'],
            game_digital: ['PC'],
          };
          expect(platforms[e.format]).toContain(e.platform);
        }
        if (!e.digital && p.kind !== 'game') expect(e.catalogNumber).toMatch(/^[A-Z]{3}-\d{4}/);
      }
    }
    expect(share(ninetyNine, allEditions.length)).toBeGreaterThan(0.75);
  });

  it('marks digital editions digital, with no stock, barcode or ledger; some carry rights windows', () => {
    const digital = allEditions.filter(({ edition: e }) => e.digital);
    for (const { edition: e } of allEditions) expect(e.digital).toBe(isDigitalFormat(e.format));
    for (const { edition: e } of digital) {
      expect(e.stock).toBe(0);
      expect(e.ledger).toEqual([]);
    }
    const windows = digital.filter(({ edition: e }) => e.availableFrom !== null);
    expect(share(windows.length, digital.length)).toBeGreaterThan(0.05);
    expect(share(windows.length, digital.length)).toBeLessThan(0.16);
    for (const { edition: e } of windows) {
      const from = e.availableFrom?.getTime() ?? 0;
      const until = e.availableUntil?.getTime() ?? 0;
      expect(from).toBeLessThan(TODAY.getTime());
      expect(until - TODAY.getTime()).toBeGreaterThanOrEqual(180 * DAY);
      expect(until - TODAY.getTime()).toBeLessThanOrEqual(731 * DAY);
      expect(e.territories.length).toBeGreaterThan(0);
      for (const code of e.territories) expect(code).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('keeps a stock ledger for every physical edition that sums to its stock', () => {
    const windowStart = TODAY.getTime() - 120 * DAY;
    // Problems are collected rather than asserted row by row: thousands of rows, one readable failure.
    const problems: string[] = [];
    let orders = 0;
    for (const { edition: e } of physical) {
      if (e.ledger[0]?.reason !== 'initial' || e.ledger[0].delta <= 0) problems.push(`${e.sku}: no opening stock row`);
      let running = 0;
      let previous = 0;
      for (const row of e.ledger) {
        running += row.delta;
        const at = row.createdAt.getTime();
        if (running < 0) problems.push(`${e.sku}: running stock ${running}`);
        if (at < previous || at > TODAY.getTime()) problems.push(`${e.sku}: row out of order or in the future`);
        previous = at;
        if (row.reason === 'order') {
          orders++;
          if (row.delta >= 0 || row.note !== 'demo sales history' || at < windowStart)
            problems.push(`${e.sku}: bad sale row`);
        }
        if (row.reason === 'restock' && row.delta <= 0) problems.push(`${e.sku}: negative restock`);
      }
      if (running !== e.stock) problems.push(`${e.sku}: ledger sums to ${running}, stock is ${e.stock}`);
    }
    expect(problems).toEqual([]);
    expect(orders).toBeGreaterThan(2000);
  });

  it('has a believable availability mix and clear best sellers', () => {
    const out = physical.filter(({ edition: e }) => e.stock === 0).length;
    expect(share(out, physical.length)).toBeGreaterThan(0.06);
    expect(share(out, physical.length)).toBeLessThan(0.15);
    expect(physical.filter(({ edition: e }) => e.stock >= 1 && e.stock <= 3).length).toBeGreaterThan(5);
    for (const { edition: e } of physical) expect(e.stock).toBeLessThanOrEqual(60);
    const sold = catalog.products.map((p) =>
      p.editions.reduce(
        (sum, e) => sum + e.ledger.filter((r) => r.reason === 'order').reduce((s, r) => s - r.delta, 0),
        0,
      ),
    );
    const sorted = [...sold].sort((a, b) => b - a);
    // The top ten sell several times what the median product sells.
    const median = must(sorted[Math.floor(sorted.length / 2)], 'median sales');
    expect(sorted[9]).toBeGreaterThan(4 * Math.max(1, median));
  });

  it('has about 5% pre-orders, 7–120 days ahead on the product and its editions', () => {
    const preorders = catalog.products.filter(isPreorder);
    expect(share(preorders.length, catalog.products.length)).toBeGreaterThan(0.035);
    expect(share(preorders.length, catalog.products.length)).toBeLessThan(0.065);
    expect(new Set(preorders.map((p) => p.kind)).size).toBe(4);
    for (const p of preorders) {
      const days = (Date.parse(p.releaseDate) - Date.parse(TODAY_ISO)) / DAY;
      expect(days).toBeGreaterThanOrEqual(7);
      expect(days).toBeLessThanOrEqual(120);
      for (const e of p.editions) expect(e.releaseDate).toBe(p.releaseDate);
      for (const e of p.editions) expect(e.ledger.filter((r) => r.reason === 'order')).toEqual([]);
    }
    for (const p of catalog.products.filter((x) => !isPreorder(x))) {
      for (const e of p.editions) expect(e.releaseDate !== null && e.releaseDate <= TODAY_ISO).toBe(true);
    }
  });

  it('makes about 35% of films and series rentable', () => {
    const screen = catalog.products.filter((p) => p.kind === 'film' || p.kind === 'series');
    const rentable = screen.filter((p) => p.editions.some((e) => e.rentable));
    expect(share(rentable.length, screen.length)).toBeGreaterThan(0.25);
    expect(share(rentable.length, screen.length)).toBeLessThan(0.45);
    for (const p of catalog.products.filter((x) => x.kind === 'album' || x.kind === 'game')) {
      expect(p.editions.some((e) => e.rentable)).toBe(false);
    }
    // Rentals are physical copies: one disc edition of a rentable title carries the offer, never a digital one.
    for (const p of rentable) {
      const offers = p.editions.filter((e) => e.rentable);
      expect(offers).toHaveLength(1);
      expect(offers[0]?.digital).toBe(false);
      expect(offers[0]?.rentalPriceMinor).toBeGreaterThanOrEqual(299);
    }
  });

  it('has about 8% Chinese, Japanese and Korean titles with CJK names for their people', () => {
    const cjk = catalog.products.filter((p) => p.originalTitle !== null);
    expect(share(cjk.length, catalog.products.length)).toBeGreaterThan(0.06);
    expect(share(cjk.length, catalog.products.length)).toBeLessThan(0.1);
    expect(new Set(cjk.map((p) => p.kind))).toEqual(new Set(['album', 'film', 'series']));
    for (const p of cjk) {
      expect(p.originalTitle).toMatch(CJK);
      expect(p.title).not.toMatch(CJK);
      const lead = p.credits.find((c) => c.role === 'artist' || c.role === 'director');
      expect(peopleBySlug.get(lead?.personSlug ?? '')?.originalName ?? '').toMatch(CJK);
    }
    for (const script of [/\p{Script=Han}/u, /\p{Script=Hiragana}|\p{Script=Katakana}/u, /\p{Script=Hangul}/u]) {
      expect(cjk.some((p) => script.test(p.originalTitle ?? ''))).toBe(true);
    }
    const genres = new Set(cjk.flatMap((p) => p.genres));
    for (const g of ['c-pop', 'j-pop', 'k-pop', 'city-pop']) expect(genres).toContain(g);
  });

  it('gives albums full tracklists and series episode lists; films and games have none', () => {
    const albums = catalog.products.filter((p) => p.kind === 'album');
    let withPreviews = 0;
    let doubles = 0;
    for (const p of albums) {
      expect(p.tracks.length).toBeGreaterThanOrEqual(6);
      expect(p.tracks.length).toBeLessThanOrEqual(16);
      for (const t of p.tracks) {
        expect(t.durationSeconds).toBeGreaterThanOrEqual(120);
        expect(t.durationSeconds).toBeLessThanOrEqual(540);
        expect(t.title.trim()).not.toBe('');
      }
      expect(new Set(p.tracks.map((t) => t.position)).size).toBe(p.tracks.length);
      if (p.tracks.some((t) => t.discNumber === 2)) {
        doubles++;
        for (const t of p.tracks) expect(t.position).toBe(`${t.discNumber}-${t.position.slice(2)}`);
        for (const t of p.tracks) expect(t.position).toMatch(/^[12]-\d{2}$/);
      }
      const previews = p.tracks.filter((t) => t.previewUrl !== null);
      if (previews.length > 0) {
        withPreviews++;
        expect(previews.map((t) => t.sortOrder)).toEqual([1, 2, 3]);
        for (const t of previews) expect(t.previewUrl).toBe(`/previews/${p.slug}/${t.sortOrder}.wav`);
      }
    }
    expect(doubles).toBeGreaterThan(0);
    expect(share(withPreviews, albums.length)).toBeGreaterThan(0.5);
    expect(share(withPreviews, albums.length)).toBeLessThan(0.7);
    for (const p of catalog.products.filter((x) => x.kind === 'series')) {
      expect(p.tracks.length).toBeGreaterThanOrEqual(6);
      for (const t of p.tracks) {
        expect(t.position).toMatch(/^S\d{2}E\d{2}$/);
        expect(t.durationSeconds).toBeGreaterThanOrEqual(1500);
        expect(t.durationSeconds).toBeLessThanOrEqual(3600);
        expect(t.previewUrl).toBeNull();
      }
    }
    for (const p of catalog.products.filter((x) => x.kind === 'film' || x.kind === 'game'))
      expect(p.tracks).toEqual([]);
  });

  it('credits 500+ recurring people with the roles each kind needs', () => {
    expect(catalog.people.length).toBeGreaterThanOrEqual(500);
    const credited = new Set(catalog.products.flatMap((p) => p.credits.map((c) => c.personSlug)));
    for (const slug of credited) expect(peopleBySlug.has(slug)).toBe(true);
    expect(credited.size).toBe(catalog.people.length);
    const roles = (p: SeedProduct, role: string) => p.credits.filter((c) => c.role === role);
    for (const p of catalog.products) {
      if (p.kind === 'album') {
        expect(roles(p, 'artist').length).toBeGreaterThanOrEqual(1);
        expect(roles(p, 'artist').length).toBeLessThanOrEqual(2);
      }
      if (p.kind === 'film') {
        expect(roles(p, 'director')).toHaveLength(1);
        if (!p.genres.includes('documentary')) {
          expect(roles(p, 'cast').length).toBeGreaterThanOrEqual(2);
          expect(roles(p, 'cast').length).toBeLessThanOrEqual(6);
        }
      }
      if (p.kind === 'series') {
        expect(roles(p, 'writer').length).toBeGreaterThanOrEqual(1);
        expect(roles(p, 'director').length).toBeGreaterThanOrEqual(1);
        expect(roles(p, 'cast').length).toBeGreaterThanOrEqual(2);
      }
      if (p.kind === 'game') {
        expect(roles(p, 'developer').length).toBeGreaterThanOrEqual(1);
        expect(roles(p, 'publisher')).toHaveLength(1);
      }
      for (const c of p.credits) {
        if (c.role === 'cast') expect(c.character).toBeTruthy();
        else expect(c.character).toBeNull();
      }
      const cast = roles(p, 'cast').map((c) => c.sortOrder);
      expect(cast).toEqual(cast.map((_, i) => i));
    }
    const tally = (role: string, kinds: SeedProduct['kind'][]) => {
      const counts = new Map<string, number>();
      for (const p of catalog.products.filter((x) => kinds.includes(x.kind))) {
        for (const c of roles(p, role)) counts.set(c.personSlug, (counts.get(c.personSlug) ?? 0) + 1);
      }
      return counts;
    };
    const artists = [...tally('artist', ['album']).values()];
    expect(artists.filter((n) => n >= 2).length).toBeGreaterThan(30);
    expect([...tally('director', ['film']).values()].filter((n) => n >= 3).length).toBeGreaterThan(5);
    const filmActors = tally('cast', ['film']);
    const seriesActors = tally('cast', ['series']);
    expect([...filmActors.keys()].filter((slug) => seriesActors.has(slug)).length).toBeGreaterThan(10);
  });

  it('assigns 1–3 genres per product that suit its kind', () => {
    const known = new Set(catalog.genres.map((g) => g.slug));
    for (const g of catalog.genres) expect(g.nameZh).toMatch(/\p{Script=Han}/u);
    for (const p of catalog.products) {
      expect(p.genres.length).toBeGreaterThanOrEqual(1);
      expect(p.genres.length).toBeLessThanOrEqual(3);
      for (const g of p.genres) {
        expect(known).toContain(g);
        expect(genresForKind(p.kind).has(g), `${p.slug}: ${g}`).toBe(true);
      }
    }
    expect(catalog.genres.length).toBeGreaterThanOrEqual(40);
  });

  it('gives the anchor films and series the demo trailer, after their images', () => {
    const withTrailer = new Set(
      ANCHOR_PRODUCTS.filter((a) => a.kind === 'film' || a.kind === 'series').map((a) => a.slug),
    );
    expect(withTrailer.size).toBeGreaterThanOrEqual(2);
    expect(fs.existsSync(path.join('public', DEMO_TRAILER_URL))).toBe(true);
    for (const p of catalog.products) {
      const trailers = p.media.filter((m) => m.kind === 'trailer');
      expect(trailers, p.slug).toHaveLength(withTrailer.has(p.slug) ? 1 : 0);
      for (const trailer of trailers) {
        expect(trailer).toMatchObject({ url: DEMO_TRAILER_URL, alt: `${p.title} (trailer)` });
        expect(trailer.sortOrder).toBe(p.media.length - 1);
      }
    }
  });

  it('gives every product a cover and about 30% a gallery', () => {
    let gallery = 0;
    for (const p of catalog.products) {
      const { width, height } = coverAspect(p.kind);
      const covers = p.media.filter((m) => m.kind === 'cover');
      expect(covers).toHaveLength(1);
      expect(covers[0]).toMatchObject({ url: `/art/${p.slug}/0.svg`, alt: p.title, width, height, sortOrder: 0 });
      const images = p.media.filter((m) => m.kind === 'gallery');
      expect(images.length).toBeLessThanOrEqual(2);
      images.forEach((m, i) => expect(m.url).toBe(`/art/${p.slug}/${i + 1}.svg`));
      if (images.length > 0) gallery++;
    }
    expect(share(gallery, catalog.products.length)).toBeGreaterThan(0.2);
    expect(share(gallery, catalog.products.length)).toBeLessThan(0.4);
  });

  it('writes 2–4 sentence English descriptions and kind-appropriate age ratings', () => {
    const ratings: Record<SeedProduct['kind'], RegExp> = {
      album: /^Explicit$/,
      film: /^(G|PG|PG-13|R|NC-17)$/,
      series: /^TV-(G|PG|14|MA)$/,
      game: /^(PEGI (3|7|12|16|18)|ESRB (E|E10\+|T|M))$/,
    };
    for (const p of catalog.products) {
      expect(p.description).not.toMatch(/[{}]/);
      expect(p.description).not.toMatch(CJK);
      const sentences = p.description.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      expect(sentences, p.slug).toBeGreaterThanOrEqual(2);
      expect(sentences, p.slug).toBeLessThanOrEqual(4);
      if (p.kind === 'album') {
        if (p.ageRating !== null) expect(p.ageRating).toMatch(ratings.album);
      } else {
        expect(p.ageRating ?? '').toMatch(ratings[p.kind]);
      }
      expect(p.label).toBeTruthy();
    }
    expect(catalog.products.some((p) => p.ageRating === 'Explicit')).toBe(true);
  });
});

describe('anchor products', () => {
  const credit = (p: SeedProduct, role: string) =>
    p.credits.filter((c) => c.role === role).map((c) => peopleBySlug.get(c.personSlug)?.name);

  it('Neon Harbour by Marlow Vance', () => {
    const p = product('neon-harbour');
    expect(p).toMatchObject({
      kind: 'album',
      title: 'Neon Harbour',
      releaseDate: '1984-06-15',
      label: 'Lanternfish Records',
      status: 'active',
    });
    expect(p.genres).toEqual(['electronic', 'pop']);
    expect(credit(p, 'artist')).toEqual(['Marlow Vance']);
    expect(p.tracks).toHaveLength(10);
    expect(p.tracks.map((t) => t.previewUrl !== null)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(edition('NEON-HARBOUR-CD')).toMatchObject({ format: 'cd', priceMinor: 1299, status: 'active' });
    expect(edition('NEON-HARBOUR-CD').stock).toBeGreaterThan(0);
    expect(edition('NEON-HARBOUR-VINYL')).toMatchObject({
      format: 'vinyl',
      priceMinor: 2899,
      vinylWeightGrams: 180,
      vinylSpeedRpm: 33,
      vinylColour: 'black',
    });
    expect(edition('NEON-HARBOUR-VINYL').stock).toBeGreaterThan(0);
    expect(edition('NEON-HARBOUR-DIGITAL')).toMatchObject({
      format: 'digital_audio',
      priceMinor: 1099,
      digital: true,
      stock: 0,
    });
    expect(p.editions).toHaveLength(3);
  });

  it("The Cartographer's Daughter by Ines Albrecht", () => {
    const p = product('the-cartographers-daughter');
    expect(p).toMatchObject({ kind: 'film', title: "The Cartographer's Daughter", label: 'Northlight Pictures' });
    expect(p.releaseDate.slice(0, 4)).toBe('2019');
    expect(p.genres).toContain('drama');
    expect(credit(p, 'director')).toEqual(['Ines Albrecht']);
    expect(p.editions.map((e) => e.format)).toEqual(['dvd', 'bluray', 'uhd_bluray', 'digital_video']);
    const bluray = edition('THE-CARTOGRAPHERS-DAUGHTER-BD');
    expect(bluray.regionCode).toBe('B');
    expect(bluray.subtitleLanguages).toEqual(expect.arrayContaining(['en', 'zh', 'fr']));
    // Rentals are physical copies: the Blu-ray is for rent, the digital edition is not.
    expect(bluray).toMatchObject({ rentable: true, rentalPriceMinor: 399, digital: false });
    expect(edition('THE-CARTOGRAPHERS-DAUGHTER-DIGITAL')).toMatchObject({ rentable: false, rentalPriceMinor: null });
  });

  it('Northern Signal, a series with 8 episodes', () => {
    const p = product('northern-signal');
    expect(p).toMatchObject({ kind: 'series', title: 'Northern Signal' });
    expect(p.releaseDate.slice(0, 4)).toBe('2021');
    expect(p.tracks.map((t) => t.position)).toEqual([
      'S01E01',
      'S01E02',
      'S01E03',
      'S01E04',
      'S01E05',
      'S01E06',
      'S01E07',
      'S01E08',
    ]);
    expect(p.editions.map((e) => [e.format, e.discCount])).toEqual([
      ['bluray', 3],
      ['digital_video', null],
    ]);
  });

  it('Starfall Tactics by Blue Comet Studio and Halcyon Interactive', () => {
    const p = product('starfall-tactics');
    expect(p).toMatchObject({ kind: 'game', title: 'Starfall Tactics', label: 'Halcyon Interactive' });
    expect(p.releaseDate.slice(0, 4)).toBe('2023');
    expect(p.genres).toContain('strategy');
    expect(credit(p, 'developer')).toEqual(['Blue Comet Studio']);
    expect(credit(p, 'publisher')).toEqual(['Halcyon Interactive']);
    expect(p.editions.map((e) => [e.format, e.platform])).toEqual([
      ['game_disc', 'PlayStation 5'],
      ['game_cartridge', 'Nintendo Switch'],
      ['game_digital', 'PC'],
    ]);
  });

  it('the Chinese, Japanese and Korean anchors', () => {
    const moon = product('moonlight-serenade');
    expect(moon).toMatchObject({ kind: 'album', title: 'Moonlight Serenade', originalTitle: '月光小夜曲' });
    expect(moon.releaseDate.slice(0, 4)).toBe('2015');
    expect(moon.genres).toContain('c-pop');
    expect(peopleBySlug.get(moon.credits.find((c) => c.role === 'artist')?.personSlug ?? '')).toMatchObject({
      name: 'Lin Yue',
      originalName: '林月',
    });
    const rain = product('rain-station');
    expect(rain).toMatchObject({ kind: 'film', title: 'Rain Station', originalTitle: '雨の駅' });
    expect(rain.releaseDate.slice(0, 4)).toBe('1998');
    expect(peopleBySlug.get(rain.credits.find((c) => c.role === 'director')?.personSlug ?? '')).toMatchObject({
      name: 'Kenji Morita',
      originalName: '森田健二',
    });
    const blue = product('blue-night');
    expect(blue).toMatchObject({ kind: 'series', title: 'Blue Night', originalTitle: '푸른 밤' });
    expect(blue.releaseDate.slice(0, 4)).toBe('2020');
  });

  it('Afterglow Sessions is a pre-order 45 days ahead', () => {
    const p = product('afterglow-sessions');
    expect(p.releaseDate).toBe('2026-07-30');
    expect(credit(p, 'artist')).toEqual(['Marlow Vance']);
    expect(p.editions.map((e) => [e.format, e.releaseDate])).toEqual([
      ['cd', '2026-07-30'],
      ['vinyl', '2026-07-30'],
    ]);
  });

  it('Paper Lanterns is out of stock', () => {
    const p = product('paper-lanterns');
    expect(p.kind).toBe('film');
    const discs = p.editions.filter((e) => !e.digital);
    expect(discs.length).toBeGreaterThan(0);
    for (const e of discs) expect(e.stock).toBe(0);
    expect(p.status).toBe('active');
  });
});

describe('benchmark catalog (extraProducts)', () => {
  it('appends numbered products that keep every identifier unique and every ledger balanced', () => {
    const big = generateCatalog({ today: TODAY, extraProducts: 600 });
    expect(big.products).toHaveLength(catalog.products.length + 600);
    expect(big.products.slice(0, catalog.products.length)).toEqual(catalog.products);
    const extra = big.products.slice(catalog.products.length);
    extra.forEach((p, i) => expect(p.slug.endsWith(`-${i + 1}`)).toBe(true));
    const slugs = big.products.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const editions = big.products.flatMap((p) => p.editions);
    expect(new Set(editions.map((e) => e.sku)).size).toBe(editions.length);
    const barcodes = editions.filter((e) => !e.digital).map((e) => e.barcode ?? '');
    expect(new Set(barcodes).size).toBe(barcodes.length);
    for (const barcode of barcodes) expect(isValidEan13(barcode)).toBe(true);
    const people = new Set(big.people.map((p) => p.slug));
    for (const p of extra) {
      expect(p.status).toBe('active');
      expect(p.editions.length).toBeGreaterThanOrEqual(1);
      expect(p.media).toHaveLength(1);
      for (const c of p.credits) expect(people).toContain(c.personSlug);
      for (const g of p.genres) expect(genresForKind(p.kind).has(g)).toBe(true);
      for (const e of p.editions) {
        expect(e.ledger.reduce((sum, r) => sum + r.delta, 0)).toBe(e.stock);
        if (e.rentable) expect(e.rentalPriceMinor).not.toBeNull();
      }
    }
    expect(generateCatalog({ today: TODAY, extraProducts: 600 })).toEqual(big);
  });
});
