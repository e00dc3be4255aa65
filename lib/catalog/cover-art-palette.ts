import { must } from '@/lib/must';
import { fnv1a } from '@/lib/seeded-random';
import type { ProductKind } from './formats';

// The generated covers' colours and dice (cover-art.ts draws with them).

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: the seed string hashed by lib/seeded-random (as the preview audio does).

export { fnv1a };

export class Dice {
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
    return must(items[Math.floor(this.next() * items.length)], 'picked item');
  }
}

// ---------------------------------------------------------------------------------------------
// Colour

export type Palette = { bg1: string; bg2: string; accent: string; accent2: string; dark: string; light: string };

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
export function makePalette(slug: string, kind: ProductKind, dice: Dice): Palette {
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
