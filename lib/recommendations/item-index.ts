import type { Interaction, ItemIndex, NeighbourTable } from './types';

/** Numbers the given item ids 0..n-1 in the order given (duplicates are ignored). */
export function createItemIndex(ids: Iterable<number>): ItemIndex {
  const indexOf = new Map<number, number>();
  for (const id of ids) if (!indexOf.has(id)) indexOf.set(id, indexOf.size);
  const dense = new Int32Array(indexOf.size);
  for (const [id, i] of indexOf) dense[i] = id;
  return { ids: dense, indexOf };
}

/** The index of every item that occurs in the interactions, in order of first appearance. */
export function indexFromInteractions(interactions: readonly Interaction[]): ItemIndex {
  const ids: number[] = [];
  const seen = new Set<number>();
  for (const { item } of interactions) {
    if (!seen.has(item)) {
      seen.add(item);
      ids.push(item);
    }
  }
  return createItemIndex(ids);
}

/** The neighbours of one item id as plain objects (ids, not dense indices); [] when unknown. */
export function neighboursOf(table: NeighbourTable, item: number): { item: number; score: number }[] {
  const i = table.index.indexOf.get(item);
  if (i === undefined) return [];
  // Positions between a row's offsets and the dense targets there are inside their arrays.
  const out: { item: number; score: number }[] = [];
  for (let p = table.offsets[i]!; p < table.offsets[i + 1]!; p++) {
    out.push({ item: table.index.ids[table.targets[p]!]!, score: table.scores[p]! });
  }
  return out;
}

/**
 * Every (item, neighbour, score, rank) row of a table, rank starting at 1: the shape the app
 * stores in its neighbours table.
 */
export function* neighbourRows(
  table: NeighbourTable,
): Generator<{ item: number; neighbour: number; score: number; rank: number }> {
  const { ids } = table.index;
  // As in neighboursOf: every read is inside a row or at a dense index.
  for (const [i, item] of ids.entries()) {
    const from = table.offsets[i]!;
    for (let p = from; p < table.offsets[i + 1]!; p++) {
      yield {
        item,
        neighbour: ids[table.targets[p]!]!,
        score: table.scores[p]!,
        rank: p - from + 1,
      };
    }
  }
}
