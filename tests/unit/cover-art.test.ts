import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { rngFor } from '@/db/seed/random';
import { type CoverKind, coverAspect, escapeXml, renderCoverSvg } from '@/lib/catalog/cover-art';

const KINDS: CoverKind[] = ['album', 'film', 'series', 'game'];
const { DOMParser } = new JSDOM('').window;

/** Parses as strict XML (jsdom reports malformed XML as a <parsererror> document). */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`Malformed SVG: ${error.textContent}\n${svg.slice(0, 500)}`);
  return doc;
}

function texts(doc: Document): string[] {
  return Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '');
}

describe('coverAspect', () => {
  it('is square for albums and games and a 2:3 poster for films and series', () => {
    expect(coverAspect('album')).toEqual({ width: 600, height: 600 });
    expect(coverAspect('game')).toEqual({ width: 600, height: 600 });
    expect(coverAspect('film')).toEqual({ width: 400, height: 600 });
    expect(coverAspect('series')).toEqual({ width: 400, height: 600 });
  });
});

describe('renderCoverSvg', () => {
  it('renders a well-formed SVG of the right size with the title and subtitle', () => {
    for (const kind of KINDS) {
      const svg = renderCoverSvg({ slug: 'neon-harbour', title: 'Neon Harbour', subtitle: 'Marlow Vance', kind });
      const doc = parseSvg(svg);
      const root = doc.documentElement;
      expect(root.nodeName).toBe('svg');
      expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      const { width, height } = coverAspect(kind);
      expect(root.getAttribute('width')).toBe(String(width));
      expect(root.getAttribute('height')).toBe(String(height));
      expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
      const shown = texts(doc).join(' ').toUpperCase();
      expect(shown).toContain('NEON HARBOUR');
      expect(shown).toContain('MARLOW VANCE');
      expect(doc.getElementsByTagName('title')[0]?.textContent).toBe('Neon Harbour — Marlow Vance');
    }
  });

  it('is deterministic and differs by slug, kind and variant', () => {
    const input = { slug: 'rain-station', title: 'Rain Station', kind: 'film' as const };
    expect(renderCoverSvg(input)).toBe(renderCoverSvg(input));
    expect(renderCoverSvg({ ...input, variant: 0 })).toBe(renderCoverSvg(input));
    expect(renderCoverSvg({ ...input, slug: 'rain-station-2' })).not.toBe(renderCoverSvg(input));
    expect(renderCoverSvg({ ...input, kind: 'series' })).not.toBe(renderCoverSvg(input));
    const variants = new Set([0, 1, 2].map((variant) => renderCoverSvg({ ...input, variant })));
    expect(variants.size).toBe(3);
  });

  it('escapes XML special characters in titles and subtitles', () => {
    const title = `Tom & Jerry's <Greatest> "Hits"`;
    const subtitle = `A&B <script>alert('x')</script>`;
    for (const kind of KINDS) {
      const svg = renderCoverSvg({ slug: 'escape-test', title, subtitle, kind });
      expect(svg).not.toContain('<Greatest>');
      expect(svg).not.toContain('<script>');
      expect(svg).toContain('&amp;');
      const doc = parseSvg(svg);
      expect(doc.getElementsByTagName('script')).toHaveLength(0);
      const shown = texts(doc).join(' ');
      expect(shown.toUpperCase()).toContain('&');
      expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(`${title} — ${subtitle}`);
    }
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('drops characters that XML forbids, including lone surrogates', () => {
    const svg = renderCoverSvg({ slug: 'control', title: 'Bell\u0007 Tower\u0000 \uD800', kind: 'album' });
    const doc = parseSvg(svg);
    expect(texts(doc).join(' ')).toContain('Bell Tower');
    expect(svg).not.toMatch(/[\u0000-\u0008]/);
  });

  it('keeps CJK titles and names, with CJK fonts in the font stack', () => {
    const svg = renderCoverSvg({ slug: 'moonlight-serenade', title: '月光小夜曲', subtitle: '林月', kind: 'album' });
    const doc = parseSvg(svg);
    const text = doc.getElementsByTagName('text');
    expect(texts(doc).join('')).toContain('月光小夜曲');
    expect(texts(doc).join('')).toContain('林月');
    const fontFamily = text[0]?.getAttribute('font-family');
    expect(fontFamily).toContain('Noto Sans CJK SC');
    expect(fontFamily).toContain('PingFang SC');
    expect(fontFamily).toMatch(/sans-serif$/);
    const korean = renderCoverSvg({ slug: 'blue-night', title: '푸른 밤', kind: 'series' });
    expect(texts(parseSvg(korean)).join(' ')).toContain('푸른 밤');
  });

  it('wraps long titles over several lines and shortens absurd ones with an ellipsis', () => {
    const long = renderCoverSvg({
      slug: 'long',
      title: 'The Long Goodbye Hotel and Other Stories from the Northern Coast',
      kind: 'film',
    });
    const doc = parseSvg(long);
    const titleText = Array.from(doc.getElementsByTagName('text')).at(-1);
    expect(titleText?.getElementsByTagName('tspan').length).toBeGreaterThan(1);
    const absurd = renderCoverSvg({ slug: 'absurd', title: 'Word '.repeat(200), kind: 'album' });
    expect(texts(parseSvg(absurd)).join(' ')).toContain('…');
    expect(absurd.length).toBeLessThan(30_000);
  });

  it('stays well-formed for many random titles (fuzz)', () => {
    const rng = rngFor('cover-fuzz');
    const alphabet = ['a', 'Z', ' ', '&', '<', '>', '"', "'", '月', '駅', '밤', 'é', '\u0001', '—', '🎵', '\\', ']]>'];
    for (let i = 0; i < 80; i++) {
      const title = Array.from({ length: rng.int(0, 40) }, () => rng.pick(alphabet)).join('');
      const subtitle = rng.chance(0.5)
        ? Array.from({ length: rng.int(0, 20) }, () => rng.pick(alphabet)).join('')
        : null;
      const svg = renderCoverSvg({ slug: `fuzz-${i}`, title, subtitle, kind: rng.pick(KINDS), variant: rng.int(0, 3) });
      parseSvg(svg);
    }
  });

  it('gives gradient ids a per-cover prefix so several covers can share one page', () => {
    const a = renderCoverSvg({ slug: 'one', title: 'One', kind: 'game' });
    const b = renderCoverSvg({ slug: 'two', title: 'Two', kind: 'game' });
    const ids = (svg: string) => new Set(Array.from(svg.matchAll(/ id="([^"]+)"/g), (m) => m[1]));
    const shared = [...ids(a)].filter((id) => ids(b).has(id));
    expect(ids(a).size).toBeGreaterThan(0);
    expect(shared).toEqual([]);
  });
});
