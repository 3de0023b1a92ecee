import type { SparseRows } from './vectorize';

/** A small seeded generator (mulberry32): the same inputs always train the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A linear model over the columns: score = w · x + bias, with the dual variables it was fitted with. */
export interface LinearModel {
  weights: Float64Array;
  bias: number;
  /** Passes over the rows it took. */
  epochs: number;
}

/** Options of the linear SVM. */
export interface SvmOptions {
  /** Inverse regularisation: small C keeps the weights close to a (weighted) difference of class centroids. */
  c: number;
  /** Passes over the rows at most. */
  epochs: number;
  /** Stop when the projected gradient's spread falls below this (liblinear's criterion). */
  tolerance: number;
  seed: number;
}

/**
 * L2-regularised squared-hinge linear SVM trained by dual coordinate descent (Hsieh et al. 2008, what liblinear
 * and scikit-learn's LinearSVC run). `rowWeight[i]` scales C per row (class balancing); the bias is a feature of
 * value 1, regularised like the others, as in liblinear. Rows are visited in a seeded random order.
 */
export function trainSvm(
  rows: SparseRows,
  labels: Int8Array,
  rowWeight: Float64Array,
  options: SvmOptions,
): LinearModel {
  const n = labels.length;
  const { indptr, indices, values } = rows;
  const w = new Float64Array(rows.columns);
  let bias = 0;
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = 1 / (2 * options.c * rowWeight[i]!);
    let sq = 1;
    for (let p = indptr[i]!; p < indptr[i + 1]!; p++) sq += values[p]! * values[p]!;
    qii[i] = sq + diag[i]!;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(options.seed);
  let epoch = 0;
  while (epoch < options.epochs) {
    epoch++;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const y = labels[i]!;
      let s = bias;
      for (let p = indptr[i]!; p < indptr[i + 1]!; p++) s += values[p]! * w[indices[p]!]!;
      const g = y * s - 1 + diag[i]! * alpha[i]!;
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      maxPg = Math.max(maxPg, pg);
      minPg = Math.min(minPg, pg);
      if (pg === 0) continue;
      const old = alpha[i]!;
      const next = Math.max(old - g / qii[i]!, 0);
      alpha[i] = next;
      const delta = (next - old) * y;
      for (let p = indptr[i]!; p < indptr[i + 1]!; p++) w[indices[p]!]! += delta * values[p]!;
      bias += delta;
    }
    if (maxPg - minPg <= options.tolerance) break;
  }
  return { weights: w, bias, epochs: epoch };
}
