/**
 * Selection of the k best (index, score) pairs with a fixed-size binary min-heap on typed arrays,
 * so building neighbour lists allocates nothing per pair. Higher score wins; equal scores go to
 * the lower index, which keeps every list deterministic.
 *
 * Heap positions are always below `size` ≤ k, the length of both arrays, so reads carry a
 * non-null `!`.
 */
export class TopK {
  readonly k: number;
  private readonly idx: Int32Array;
  private readonly val: Float64Array;
  private size = 0;

  constructor(k: number) {
    this.k = Math.max(0, Math.floor(k));
    this.idx = new Int32Array(this.k);
    this.val = new Float64Array(this.k);
  }

  /** Number of pairs currently held. */
  get length(): number {
    return this.size;
  }

  /** Forgets every pair; the selector can be reused for the next row. */
  reset(): void {
    this.size = 0;
  }

  /** Offers one pair. */
  push(index: number, score: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let c = this.size++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        const parentIndex = this.idx[parent]!;
        const parentScore = this.val[parent]!;
        if (!this.worse(index, score, parentIndex, parentScore)) break;
        this.idx[c] = parentIndex;
        this.val[c] = parentScore;
        c = parent;
      }
      this.idx[c] = index;
      this.val[c] = score;
      return;
    }
    if (!this.worse(this.idx[0]!, this.val[0]!, index, score)) return;
    this.siftDown(index, score);
  }

  /**
   * Writes the held pairs best first into `outIndex`/`outScore` from `at`, empties the selector
   * and returns how many were written.
   */
  drain(outIndex: Int32Array, outScore: Float32Array | Float64Array, at = 0): number {
    const n = this.size;
    for (let pos = n - 1; pos >= 0; pos--) {
      outIndex[at + pos] = this.idx[0]!;
      outScore[at + pos] = this.val[0]!;
      this.size--;
      if (this.size > 0) this.siftDown(this.idx[this.size]!, this.val[this.size]!);
    }
    return n;
  }

  /** True when (a, as) ranks below (b, bs). */
  private worse(a: number, as: number, b: number, bs: number): boolean {
    return as < bs || (as === bs && a > b);
  }

  private siftDown(index: number, score: number): void {
    const n = this.size;
    let c = 0;
    for (;;) {
      let child = 2 * c + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.worse(this.idx[right]!, this.val[right]!, this.idx[child]!, this.val[child]!)) {
        child = right;
      }
      const childIndex = this.idx[child]!;
      const childScore = this.val[child]!;
      if (!this.worse(childIndex, childScore, index, score)) break;
      this.idx[c] = childIndex;
      this.val[c] = childScore;
      c = child;
    }
    this.idx[c] = index;
    this.val[c] = score;
  }
}
