import { ROWS_PER_STEP, runSteps, type Steps } from './steps';
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
  return runSteps(trainSvmSteps(rows, labels, rowWeight, options));
}

/** `trainSvm` in steps. */
export function* trainSvmSteps(
  rows: SparseRows,
  labels: Int8Array,
  rowWeight: Float64Array,
  options: SvmOptions,
): Steps<LinearModel> {
  const n = labels.length;
  const { indptr, values } = rows;
  const state: DescentState = {
    rows,
    labels,
    w: new Float64Array(rows.columns),
    bias: 0,
    alpha: new Float64Array(n),
    diag: new Float64Array(n),
    qii: new Float64Array(n),
    maxPg: -Infinity,
    minPg: Infinity,
  };
  const { diag, qii } = state;
  for (let i = 0; i < n; i++) {
    diag[i] = 1 / (2 * options.c * rowWeight[i]!);
    let sq = 1;
    for (let p = indptr[i]!; p < indptr[i + 1]!; p++) sq += values[p]! * values[p]!;
    qii[i] = sq + diag[i]!;
    if ((i + 1) % ROWS_PER_STEP === 0) yield;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
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
    state.maxPg = -Infinity;
    state.minPg = Infinity;
    for (let from = 0; from < n; from += ROWS_PER_STEP) {
      descend(state, order, from, Math.min(n, from + ROWS_PER_STEP));
      yield;
    }
    if (state.maxPg - state.minPg <= options.tolerance) break;
  }
  return { weights: state.w, bias: state.bias, epochs: epoch };
}

/** Where coordinate descent is: the weights and the dual variables, and this pass's projected-gradient spread. */
interface DescentState {
  rows: SparseRows;
  labels: Int8Array;
  w: Float64Array;
  bias: number;
  alpha: Float64Array;
  diag: Float64Array;
  qii: Float64Array;
  maxPg: number;
  minPg: number;
}

/** One coordinate step for each of the rows `order[from..to)`. */
function descend(state: DescentState, order: Int32Array, from: number, to: number): void {
  const { labels, w, alpha, diag, qii } = state;
  const { indptr, indices, values } = state.rows;
  let { bias, maxPg, minPg } = state;
  for (let k = from; k < to; k++) {
    const i = order[k]!;
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
  state.bias = bias;
  state.maxPg = maxPg;
  state.minPg = minPg;
}
