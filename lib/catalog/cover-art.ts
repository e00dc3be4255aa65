/**
 * Generated cover art for the demo catalog (and for any product without an uploaded image).
 * Pure and deterministic: the same slug, kind and variant always give the same SVG, so covers can
 * be served with long cache lifetimes and compared in tests. Nothing is fetched or read from disk.
 *
 * Each kind has its own look: albums are square record sleeves, films and series are 2:3 posters
 * with a title block, games are square box art. `variant` > 0 gives alternative gallery images
 * in the same colour family as the cover.
 */

export type CoverKind = 'album' | 'film' | 'series' | 'game';

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

// Latin first so Latin titles keep their usual face; the CJK fonts then cover Chinese, Japanese
// and Korean titles (browsers fall back glyph by glyph through the stack).
const CJK_FALLBACK =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Hiragino Sans', 'Microsoft YaHei', 'Noto Sans CJK JP', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic'";
const SANS = `'Helvetica Neue', Helvetica, Arial, ${CJK_FALLBACK}, sans-serif`;
const SERIF = `Georgia, 'Times New Roman', 'Noto Serif CJK SC', 'Songti SC', ${CJK_FALLBACK}, serif`;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (kept local so lib/catalog does not depend on the seed code).

function fnv1a(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

class Dice {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

// ---------------------------------------------------------------------------------------------
// Colour

type Palette = { bg1: string; bg2: string; accent: string; accent2: string; dark: string; light: string };

function hslToHex(h: number, s: number, l: number): string {
  const hue = ((h % 360) + 360) % 360;
  const sat = Math.max(0, Math.min(100, s)) / 100;
  const lig = Math.max(0, Math.min(100, l)) / 100;
  const a = sat * Math.min(lig, 1 - lig);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lig - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** A palette whose base hue comes from the slug alone, so gallery variants match the cover. */
function makePalette(slug: string, kind: CoverKind, dice: Dice): Palette {
  const hue = fnv1a(`hue:${slug}`) % 360;
  const offset = dice.pick([30, 150, 180, 200, -40, 60]);
  // Films and series are moodier (darker skies); albums and games are brighter.
  const moody = kind === 'film' || kind === 'series';
  const bgLight = moody ? dice.range(10, 22) : dice.range(28, 52);
  return {
    bg1: hslToHex(hue, dice.range(45, 75), bgLight),
    bg2: hslToHex(hue + dice.range(-30, 30), dice.range(40, 70), bgLight + dice.range(8, 22)),
    accent: hslToHex(hue + offset, dice.range(60, 90), dice.range(52, 66)),
    accent2: hslToHex(hue + offset + dice.pick([-25, 25, 40]), dice.range(55, 85), dice.range(60, 76)),
    dark: hslToHex(hue, 35, 8),
    light: hslToHex(hue + offset, 30, 95),
  };
}

// ---------------------------------------------------------------------------------------------
// Text

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(input: string): string {
  return input
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

/** Rough advance width of one character in ems; good enough to wrap and size titles. */
function charWidth(char: string): number {
  if (WIDE.test(char)) return 1;
  if (char === ' ') return 0.28;
  if ("iljI.,:;!|'’".includes(char)) return 0.3;
  if ('mwMW@'.includes(char)) return 0.86;
  if (/[A-Z0-9]/.test(char)) return 0.66;
  return 0.55;
}

function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of Array.from(text)) width += charWidth(char);
  return width * size;
}

/** Splits into wrap units: words, and single characters inside CJK runs (which have no spaces). */
function wrapUnits(text: string): string[] {
  const units: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let buffer = '';
    for (const char of Array.from(word)) {
      if (WIDE.test(char)) {
        if (buffer) units.push(buffer);
        buffer = '';
        units.push(char);
      } else {
        buffer += char;
      }
    }
    if (buffer) units.push(buffer);
    units.push(' ');
  }
  units.pop();
  return units;
}

function wrap(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of wrapUnits(text)) {
    if (unit === ' ') {
      if (line) line += ' ';
      continue;
    }
    const candidate = line + unit;
    if (line.trim() && textWidth(candidate, size) > maxWidth) {
      lines.push(line.trim());
      line = unit;
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

type TextBlock = { lines: string[]; size: number };

/** The largest font size (between max and min) at which the text fits the box; truncated if it never does. */
function fitText(text: string, box: { width: number; maxLines: number; maxSize: number; minSize: number }): TextBlock {
  const clean = text.replace(/\s+/g, ' ').trim() || 'Untitled';
  for (let size = box.maxSize; size >= box.minSize; size -= 2) {
    const lines = wrap(clean, size, box.width);
    if (lines.length <= box.maxLines && lines.every((l) => textWidth(l, size) <= box.width)) return { lines, size };
  }
  const lines = wrap(clean, box.minSize, box.width).slice(0, box.maxLines);
  let last = lines[lines.length - 1] ?? '';
  while (Array.from(last).length > 1 && textWidth(`${last}…`, box.minSize) > box.width) {
    last = Array.from(last).slice(0, -1).join('');
  }
  lines[lines.length - 1] = `${last.trimEnd()}…`;
  return { lines, size: box.minSize };
}

type TextOptions = {
  x: number;
  /** Baseline of the first line. */
  y: number;
  anchor: 'start' | 'middle';
  fill: string;
  family: string;
  weight: number;
  letterSpacing?: number;
  extra?: string;
};

function textElement(block: TextBlock, o: TextOptions): string {
  const lineHeight = Math.round(block.size * 1.12);
  const spans = block.lines
    .map((line, i) => `<tspan x="${o.x}" dy="${i === 0 ? 0 : lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  const spacing = o.letterSpacing ? ` letter-spacing="${o.letterSpacing}"` : '';
  return (
    `<text x="${o.x}" y="${o.y}" text-anchor="${o.anchor}" font-family="${o.family}" font-size="${block.size}" ` +
    `font-weight="${o.weight}" fill="${o.fill}"${spacing}${o.extra ?? ''}>${spans}</text>`
  );
}

function blockHeight(block: TextBlock): number {
  return block.size + (block.lines.length - 1) * Math.round(block.size * 1.12);
}

// ---------------------------------------------------------------------------------------------
// Shapes

const r1 = (n: number) => Math.round(n * 10) / 10;

function points(list: [number, number][]): string {
  return list.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ');
}

function linearGradient(id: string, from: string, to: string, angle: number): string {
  const rad = (angle * Math.PI) / 180;
  const x = r1(50 + Math.cos(rad) * 50);
  const y = r1(50 + Math.sin(rad) * 50);
  return (
    `<linearGradient id="${id}" x1="${r1(100 - x)}%" y1="${r1(100 - y)}%" x2="${x}%" y2="${y}%">` +
    `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>`
  );
}

type Scene = { defs: string[]; body: string[] };

function albumArt(scene: Scene, p: Palette, dice: Dice, id: string): void {
  const style = dice.int(0, 4);
  if (style === 0) {
    // A record sliding out of its sleeve: grooves, label and spindle hole.
    const cx = dice.range(330, 420);
    const cy = dice.range(230, 280);
    scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="215" fill="#0d0d10"/>`);
    for (let r = 205; r > 80; r -= dice.int(5, 11)) {
      scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r}" fill="none" stroke="#2a2a30" stroke-width="1"/>`);
    }
    scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="72" fill="${p.accent}"/>`);
    scene.body.push(
      `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="40" fill="none" stroke="${p.light}" stroke-opacity="0.5"/>`,
    );
    scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="6" fill="${p.dark}"/>`);
    scene.body.push(`<rect x="0" y="0" width="${r1(cx - 150)}" height="600" fill="url(#${id}-bg)"/>`);
    scene.body.push(`<rect x="${r1(cx - 152)}" y="0" width="4" height="600" fill="${p.dark}" fill-opacity="0.35"/>`);
  } else if (style === 1) {
    // Bauhaus grid: quarter circles, half circles and squares.
    const cell = 200;
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 3; col++) {
        const x = col * cell;
        const y = row * cell;
        const fill = dice.pick([p.accent, p.accent2, p.dark, p.light, p.bg2]);
        const shape = dice.int(0, 4);
        if (shape === 0)
          scene.body.push(`<circle cx="${x + 100}" cy="${y + 100}" r="${dice.int(60, 96)}" fill="${fill}"/>`);
        else if (shape === 1)
          scene.body.push(
            `<path d="M${x} ${y + 200} A200 200 0 0 1 ${x + 200} ${y} L${x + 200} ${y + 200} Z" fill="${fill}"/>`,
          );
        else if (shape === 2)
          scene.body.push(`<path d="M${x} ${y + 100} A100 100 0 0 1 ${x + 200} ${y + 100} Z" fill="${fill}"/>`);
        else if (shape === 3)
          scene.body.push(`<rect x="${x + 30}" y="${y + 30}" width="140" height="140" fill="${fill}"/>`);
      }
    }
  } else if (style === 2) {
    // Sunset over a grid: the classic synth-pop sleeve.
    scene.defs.push(linearGradient(`${id}-sun`, p.accent2, p.accent, 90));
    const cy = dice.range(220, 280);
    scene.body.push(`<circle cx="300" cy="${r1(cy)}" r="${dice.int(140, 180)}" fill="url(#${id}-sun)"/>`);
    for (let i = 0; i < 7; i++) {
      const y = cy + 10 + i * 18;
      scene.body.push(`<rect x="0" y="${r1(y)}" width="600" height="${r1(3 + i * 1.6)}" fill="url(#${id}-bg)"/>`);
    }
    scene.body.push(`<rect x="0" y="${r1(cy + 130)}" width="600" height="${r1(470 - cy)}" fill="${p.dark}"/>`);
    for (let i = -6; i <= 6; i++) {
      scene.body.push(
        `<line x1="300" y1="${r1(cy + 130)}" x2="${300 + i * 90}" y2="600" stroke="${p.accent}" stroke-opacity="0.6"/>`,
      );
    }
    for (let i = 1; i < 7; i++) {
      const y = cy + 130 + Math.pow(i / 6, 2) * (470 - cy);
      scene.body.push(`<line x1="0" y1="${r1(y)}" x2="600" y2="${r1(y)}" stroke="${p.accent}" stroke-opacity="0.5"/>`);
    }
  } else if (style === 3) {
    // Layered waves.
    for (let layer = 0; layer < 6; layer++) {
      const base = 150 + layer * 70;
      const amp = dice.range(20, 60);
      const phase = dice.range(0, Math.PI * 2);
      let d = `M0 ${r1(base)}`;
      for (let x = 0; x <= 600; x += 30) d += ` L${x} ${r1(base + Math.sin(x / 90 + phase) * amp)}`;
      d += ' L600 600 L0 600 Z';
      const fill = layer % 2 === 0 ? p.accent : p.accent2;
      scene.body.push(`<path d="${d}" fill="${fill}" fill-opacity="${r1(0.25 + layer * 0.1)}"/>`);
    }
  } else {
    // Op-art rings, off centre.
    const cx = dice.range(180, 420);
    const cy = dice.range(160, 340);
    for (let r = 420; r > 10; r -= 28) {
      const fill = (r / 28) % 2 < 1 ? p.accent : p.bg1;
      scene.body.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r}" fill="${fill}" fill-opacity="0.85"/>`);
    }
  }
}

function ridge(baseY: number, width: number, height: number, dice: Dice, roughness: number): string {
  const list: [number, number][] = [[0, height]];
  const steps = dice.int(4, 7);
  for (let i = 0; i <= steps; i++) {
    list.push([(i / steps) * width, baseY + dice.range(-roughness, roughness)]);
  }
  list.push([width, height]);
  return points(list);
}

function posterArt(scene: Scene, p: Palette, dice: Dice, id: string, kind: 'film' | 'series'): void {
  const style = dice.int(0, 2);
  if (style === 0) {
    // Landscape: a moon or sun above layered ridges.
    scene.body.push(
      `<circle cx="${r1(dice.range(90, 310))}" cy="${r1(dice.range(130, 220))}" r="${dice.int(45, 80)}" fill="${p.accent2}" fill-opacity="0.9"/>`,
    );
    const shades = [p.bg2, p.accent, p.dark];
    shades.forEach((fill, i) => {
      const opacity = i === 1 ? 0.55 : 1;
      scene.body.push(
        `<polygon points="${ridge(300 + i * 60, 400, 600, dice, 45 - i * 10)}" fill="${fill}" fill-opacity="${opacity}"/>`,
      );
    });
  } else if (style === 1) {
    // A lone figure under a spotlight.
    scene.defs.push(
      `<radialGradient id="${id}-glow" cx="50%" cy="38%" r="55%"><stop offset="0" stop-color="${p.accent2}" stop-opacity="0.9"/><stop offset="1" stop-color="${p.accent2}" stop-opacity="0"/></radialGradient>`,
    );
    scene.body.push('<rect width="400" height="600" fill="url(#' + id + '-glow)"/>');
    scene.body.push(
      `<circle cx="200" cy="230" r="${dice.int(110, 150)}" fill="none" stroke="${p.light}" stroke-opacity="0.35" stroke-width="2"/>`,
    );
    const x = dice.range(170, 230);
    scene.body.push(`<rect x="0" y="380" width="400" height="220" fill="${p.dark}"/>`);
    scene.body.push(`<circle cx="${r1(x)}" cy="330" r="9" fill="${p.dark}"/>`);
    scene.body.push(
      `<path d="M${r1(x - 11)} 382 L${r1(x - 8)} 343 L${r1(x + 8)} 343 L${r1(x + 11)} 382 Z" fill="${p.dark}"/>`,
    );
    scene.body.push(`<ellipse cx="${r1(x + 40)}" cy="384" rx="60" ry="4" fill="${p.dark}" fill-opacity="0.6"/>`);
  } else {
    // Shards: diagonal planes cutting across the frame.
    for (let i = 0; i < 5; i++) {
      const y = dice.range(40, 420);
      const tilt = dice.range(-160, 160);
      const thick = dice.range(30, 110);
      const fill = dice.pick([p.accent, p.accent2, p.bg2]);
      scene.body.push(
        `<polygon points="${points([
          [0, y],
          [400, y + tilt],
          [400, y + tilt + thick],
          [0, y + thick],
        ])}" fill="${fill}" fill-opacity="${r1(dice.range(0.3, 0.8))}"/>`,
      );
    }
  }
  if (kind === 'series') {
    // Episode strip: a row of frames, the visual shorthand for a box set.
    const top = dice.range(96, 124);
    for (let i = 0; i < 4; i++) {
      scene.body.push(
        `<rect x="${28 + i * 88}" y="${r1(top)}" width="80" height="50" rx="3" fill="${p.light}" fill-opacity="${r1(0.12 + i * 0.06)}" stroke="${p.light}" stroke-opacity="0.4"/>`,
      );
    }
  }
  // Fade to dark behind the title block.
  scene.defs.push(
    `<linearGradient id="${id}-fade" x1="0" y1="0" x2="0" y2="1"><stop offset="0.45" stop-color="${p.dark}" stop-opacity="0"/><stop offset="1" stop-color="${p.dark}" stop-opacity="0.95"/></linearGradient>`,
  );
  scene.body.push(`<rect width="400" height="600" fill="url(#${id}-fade)"/>`);
}

function gameArt(scene: Scene, p: Palette, dice: Dice, id: string): void {
  const fx = dice.range(220, 380);
  const fy = dice.range(200, 300);
  const rays = dice.int(10, 18);
  for (let i = 0; i < rays; i++) {
    if (i % 2) continue;
    const a1 = (i / rays) * Math.PI * 2;
    const a2 = ((i + 1) / rays) * Math.PI * 2;
    scene.body.push(
      `<polygon points="${points([
        [fx, fy],
        [fx + Math.cos(a1) * 900, fy + Math.sin(a1) * 900],
        [fx + Math.cos(a2) * 900, fy + Math.sin(a2) * 900],
      ])}" fill="${p.accent}" fill-opacity="0.18"/>`,
    );
  }
  const sides = dice.pick([4, 6, 8]);
  const radius = dice.range(95, 130);
  const emblem: [number, number][] = [];
  for (let i = 0; i < sides; i++) {
    const a = (i / sides) * Math.PI * 2 - Math.PI / 2;
    emblem.push([fx + Math.cos(a) * radius, fy + Math.sin(a) * radius]);
  }
  scene.defs.push(linearGradient(`${id}-emblem`, p.accent2, p.accent, 120));
  scene.body.push(
    `<polygon points="${points(emblem)}" fill="url(#${id}-emblem)" stroke="${p.light}" stroke-width="4"/>`,
  );
  const star: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const a = (i / 10) * Math.PI * 2 - Math.PI / 2;
    const r = i % 2 === 0 ? radius * 0.55 : radius * 0.22;
    star.push([fx + Math.cos(a) * r, fy + Math.sin(a) * r]);
  }
  scene.body.push(`<polygon points="${points(star)}" fill="${p.light}" fill-opacity="0.9"/>`);
  // Box-art header band.
  scene.body.push(`<rect width="600" height="56" fill="${p.dark}"/>`);
  scene.body.push(`<rect y="56" width="600" height="4" fill="${p.accent}"/>`);
}

// ---------------------------------------------------------------------------------------------

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

  if (input.kind === 'album') {
    albumArt(scene, palette, dice, id);
    const block = fitText(title, { width: 540, maxLines: 2, maxSize: 46, minSize: 22 });
    const band = blockHeight(block) + (subtitle ? 64 : 44);
    scene.body.push(
      `<rect x="0" y="${600 - band}" width="600" height="${band}" fill="${palette.dark}" fill-opacity="0.82"/>`,
    );
    let y = 600 - band + 22;
    if (subtitle) {
      const sub = fitText(subtitle.toUpperCase(), { width: 540, maxLines: 1, maxSize: 18, minSize: 11 });
      y += sub.size;
      scene.body.push(
        textElement(sub, {
          x: 30,
          y,
          anchor: 'start',
          fill: palette.accent2,
          family: SANS,
          weight: 600,
          letterSpacing: 2,
        }),
      );
      y += 10;
    }
    scene.body.push(
      textElement(block, { x: 30, y: y + block.size, anchor: 'start', fill: palette.light, family: SANS, weight: 700 }),
    );
  } else if (input.kind === 'film' || input.kind === 'series') {
    posterArt(scene, palette, dice, id, input.kind);
    if (subtitle) {
      const sub = fitText(subtitle.toUpperCase(), { width: 340, maxLines: 1, maxSize: 15, minSize: 10 });
      scene.body.push(
        textElement(sub, {
          x: 200,
          y: 44,
          anchor: 'middle',
          fill: palette.light,
          family: SANS,
          weight: 500,
          letterSpacing: 3,
        }),
      );
    }
    if (input.kind === 'series') {
      scene.body.push(
        `<rect x="160" y="${subtitle ? 56 : 30}" width="80" height="20" rx="10" fill="${palette.accent}"/>`,
      );
      scene.body.push(
        `<text x="200" y="${subtitle ? 70 : 44}" text-anchor="middle" font-family="${SANS}" font-size="11" font-weight="700" fill="${palette.dark}" letter-spacing="2">SERIES</text>`,
      );
    }
    const block = fitText(title, { width: 350, maxLines: 3, maxSize: 44, minSize: 20 });
    const top = 520 - blockHeight(block);
    scene.body.push(
      textElement(block, {
        x: 200,
        y: top + block.size,
        anchor: 'middle',
        fill: palette.light,
        family: SERIF,
        weight: 700,
      }),
    );
    // Billing block: the unreadable small print every poster has.
    for (let i = 0; i < 3; i++) {
      const w = 300 - i * 60;
      scene.body.push(
        `<rect x="${200 - w / 2}" y="${546 + i * 9}" width="${w}" height="3" fill="${palette.light}" fill-opacity="0.35"/>`,
      );
    }
  } else {
    gameArt(scene, palette, dice, id);
    if (subtitle) {
      const sub = fitText(subtitle.toUpperCase(), { width: 540, maxLines: 1, maxSize: 18, minSize: 11 });
      scene.body.push(
        textElement(sub, {
          x: 30,
          y: 36,
          anchor: 'start',
          fill: palette.light,
          family: SANS,
          weight: 700,
          letterSpacing: 3,
        }),
      );
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

  const label = escapeXml(subtitle ? `${title} — ${subtitle}` : title);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">` +
    `<title>${label}</title><defs>${scene.defs.join('')}</defs>${scene.body.join('')}</svg>`
  );
}
