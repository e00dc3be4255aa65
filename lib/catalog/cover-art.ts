/**
 * Generated cover art for the demo catalog (and for any product without an uploaded image).
 * Pure and deterministic: the same slug, kind and variant always give the same SVG, so covers can
 * be served with long cache lifetimes and compared in tests. Nothing is fetched or read from disk.
 *
 * Each kind has its own look: albums are square record sleeves, films and series are 2:3 posters
 * with a title block, games are square box art. `variant` > 0 gives alternative gallery images
 * in the same colour family as the cover.
 */

import { Dice, fnv1a, makePalette, type Palette } from './cover-art-palette';
import { albumArt, gameArt, linearGradient, posterArt, type Scene } from './cover-art-shapes';
import { blockHeight, escapeXml, fitText, SANS, SERIF, textElement, type TextOptions } from './cover-art-text';
import type { ProductKind } from './formats';

export { escapeXml } from './cover-art-text';

export type CoverKind = ProductKind;

export type CoverInput = {
  slug: string;
  title: string;
  subtitle?: string | null;
  kind: CoverKind;
  variant?: number;
};

/** Pixel size of a cover: square for albums and games, 2:3 posters for films and series. */
export function coverAspect(kind: CoverKind): { width: number; height: number } {
  return kind === 'film' || kind === 'series' ? { width: 400, height: 600 } : { width: 600, height: 600 };
}

/** Renders the cover (variant 0) or a gallery image (variant ≥ 1) of a product as an SVG string. */
export function renderCoverSvg(input: CoverInput): string {
  const { width, height } = coverAspect(input.kind);
  const variant = Math.max(0, Math.floor(input.variant ?? 0));
  const seed = fnv1a(`${input.kind}:${input.slug}:${variant}`);
  const dice = new Dice(seed);
  const palette = makePalette(input.slug, input.kind, dice);
  const id = `c${seed.toString(36)}`;
  const scene: Scene = {
    defs: [linearGradient(`${id}-bg`, palette.bg1, palette.bg2, dice.range(30, 150))],
    body: [`<rect width="${width}" height="${height}" fill="url(#${id}-bg)"/>`],
  };
  const title = input.title;
  const subtitle = input.subtitle?.trim() || null;

  const cover: Cover = { scene, palette, dice, id, title, subtitle };
  if (input.kind === 'album') albumCover(cover);
  else if (input.kind === 'film' || input.kind === 'series') posterCover(cover, input.kind);
  else gameCover(cover);

  const label = escapeXml(subtitle ? `${title} — ${subtitle}` : title);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">` +
    `<title>${label}</title><defs>${scene.defs.join('')}</defs>${scene.body.join('')}</svg>`
  );
}

/** What a cover's layout draws on and with: the scene, its colours and dice, the ids' prefix, and the text. */
type Cover = { scene: Scene; palette: Palette; dice: Dice; id: string; title: string; subtitle: string | null };

/** The subtitle in capitals on one line, sans-serif, fitted to `width`. */
function subtitleLine(subtitle: string, fit: { width: number; maxSize: number; minSize: number }) {
  const block = fitText(subtitle.toUpperCase(), { ...fit, maxLines: 1 });
  return { size: block.size, draw: (at: Omit<TextOptions, 'family'>) => textElement(block, { ...at, family: SANS }) };
}

/** A record sleeve with the title (and artist) in a band along the bottom. */
function albumCover({ scene, palette, dice, id, title, subtitle }: Cover): void {
  albumArt(scene, palette, dice, id);
  const block = fitText(title, { width: 540, maxLines: 2, maxSize: 46, minSize: 22 });
  const band = blockHeight(block) + (subtitle ? 64 : 44);
  scene.body.push(
    `<rect x="0" y="${600 - band}" width="600" height="${band}" fill="${palette.dark}" fill-opacity="0.82"/>`,
  );
  let y = 600 - band + 22;
  if (subtitle) {
    const sub = subtitleLine(subtitle, { width: 540, maxSize: 18, minSize: 11 });
    y += sub.size;
    scene.body.push(sub.draw({ x: 30, y, anchor: 'start', fill: palette.accent2, weight: 600, letterSpacing: 2 }));
    y += 10;
  }
  scene.body.push(
    textElement(block, { x: 30, y: y + block.size, anchor: 'start', fill: palette.light, family: SANS, weight: 700 }),
  );
}

/** A 2:3 poster: credit on top, title and billing block at the bottom; series get a badge. */
function posterCover({ scene, palette, dice, id, title, subtitle }: Cover, kind: 'film' | 'series'): void {
  posterArt(scene, palette, dice, id, kind);
  if (subtitle) {
    const sub = subtitleLine(subtitle, { width: 340, maxSize: 15, minSize: 10 });
    scene.body.push(sub.draw({ x: 200, y: 44, anchor: 'middle', fill: palette.light, weight: 500, letterSpacing: 3 }));
  }
  if (kind === 'series') {
    scene.body.push(
      `<rect x="160" y="${subtitle ? 56 : 30}" width="80" height="20" rx="10" fill="${palette.accent}"/>`,
    );
    scene.body.push(
      `<text x="200" y="${subtitle ? 70 : 44}" text-anchor="middle" font-family="${SANS}" font-size="11" font-weight="700" fill="${palette.dark}" letter-spacing="2">SERIES</text>`,
    );
  }
  const block = fitText(title, { width: 350, maxLines: 3, maxSize: 44, minSize: 20 });
  const top = 520 - blockHeight(block);
  const at = { x: 200, y: top + block.size, anchor: 'middle', fill: palette.light } as const;
  scene.body.push(textElement(block, { ...at, family: SERIF, weight: 700 }));
  // Billing block: the unreadable small print every poster has.
  for (let i = 0; i < 3; i++) {
    const w = 300 - i * 60;
    scene.body.push(
      `<rect x="${200 - w / 2}" y="${546 + i * 9}" width="${w}" height="3" fill="${palette.light}" fill-opacity="0.35"/>`,
    );
  }
}

/** Box art: the publisher on top, the title large and outlined at the bottom. */
function gameCover({ scene, palette, dice, id, title, subtitle }: Cover): void {
  gameArt(scene, palette, dice, id);
  if (subtitle) {
    const sub = subtitleLine(subtitle, { width: 540, maxSize: 18, minSize: 11 });
    scene.body.push(sub.draw({ x: 30, y: 36, anchor: 'start', fill: palette.light, weight: 700, letterSpacing: 3 }));
  }
  const block = fitText(title.toUpperCase(), { width: 540, maxLines: 2, maxSize: 58, minSize: 24 });
  const top = 570 - blockHeight(block);
  scene.body.push(
    textElement(block, {
      x: 300,
      y: top + block.size,
      anchor: 'middle',
      fill: palette.light,
      family: SANS,
      weight: 900,
      extra: ` stroke="${palette.dark}" stroke-width="6" stroke-linejoin="round" paint-order="stroke"`,
    }),
  );
}
