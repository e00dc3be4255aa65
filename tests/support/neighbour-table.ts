import { must } from '@/lib/must';
import type { ItemIndex, NeighbourTable } from '@/lib/recommendations';

/** A neighbour table from `{ item: [[neighbour, score], …] }` (product ids), for the recommender's unit tests. */
export function neighbourTable(index: ItemIndex, rows: Record<number, [number, number][]>): NeighbourTable {
  const offsets = new Int32Array(index.ids.length + 1);
  const targets: number[] = [];
  const scores: number[] = [];
  index.ids.forEach((id, i) => {
    for (const [target, score] of rows[id] ?? []) {
      targets.push(must(index.indexOf.get(target), `the index of item ${target}`));
      scores.push(score);
    }
    offsets[i + 1] = targets.length;
  });
  return { index, offsets, targets: Int32Array.from(targets), scores: Float32Array.from(scores) };
}
