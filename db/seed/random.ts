/**
 * A tiny seeded pseudo-random generator for the demo seed. The seed must produce the same catalog
 * on every machine and every run (tests and screenshots rely on it), so nothing in db/seed may call
 * Math.random: every random choice goes through an Rng created from a string.
 */

import { must } from '@/lib/must';
import { fnv1a, mulberry32 } from '@/lib/seeded-random';

export class Rng {
  private readonly nextFloat: () => number;

  constructor(seed: string | number) {
    this.nextFloat = mulberry32(typeof seed === 'number' ? seed : fnv1a(seed));
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextFloat();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`Rng.int: max ${max} < min ${min}`);
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  /** One item of a non-empty list (of defined values). */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: empty list');
    return must(items[Math.floor(this.nextFloat() * items.length)], 'Rng.pick item');
  }

  /** Picks one item with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    if (!(total > 0)) throw new RangeError('Rng.weighted: weights must sum to more than zero');
    let roll = this.nextFloat() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    // Rounding can leave a sliver of the roll: it falls to the last item (the list is not empty).
    return must(items.at(-1), 'Rng.weighted item')[0];
  }

  /** A shuffled copy (Fisher–Yates) of a list of defined values. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.nextFloat() * (i + 1));
      const a = must(copy[i], 'Rng.shuffle item');
      copy[i] = must(copy[j], 'Rng.shuffle item');
      copy[j] = a;
    }
    return copy;
  }

  /** n distinct items (or all of them when the list is shorter), in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, n));
  }
}

/** An independent generator for one concern (e.g. "product:42"), so editing one part of the seed leaves the rest stable. */
export function rngFor(label: string): Rng {
  return new Rng(`encore-demo:${label}`);
}
