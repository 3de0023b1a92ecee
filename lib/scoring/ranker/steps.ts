/**
 * Long computations (training the ranker) written once as generators that `yield` between small pieces of work,
 * and run either at once (`runSteps`) or in slices that give the event loop back between them (`runInSlices`):
 * the same code, so both give the same result to the bit.
 *
 * Why slices and not a thread: the background of an MV3 extension is a service worker, which cannot start a DOM
 * `Worker`, and an offscreen document only to train would cost a permission and a page. Giving the event loop back
 * every few milliseconds lets the background answer messages while it trains.
 */
import { yieldToEventLoop } from '../../util/yield';

export { yieldToEventLoop };

/** A computation that yields between pieces of work of at most a few milliseconds, and returns a `T`. */
export type Steps<T> = Generator<void, T, void>;

/**
 * Rows of a matrix (or counted papers, or features) gone through between two yields: a microsecond or a few each.
 * A yield costs a fraction of a microsecond (the driver looks at the clock, and pauses only once a slice is spent).
 */
export const ROWS_PER_STEP = 256;

/** Runs steps to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How long a slice works before the event loop gets a turn: well under a frame, so messages wait little. */
export const SLICE_MS = 8;

export interface SliceOptions {
  /** Work for this long, then give the event loop a turn (milliseconds; default SLICE_MS). */
  sliceMs?: number;
  /** Stops the work at the next pause: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Gives the event loop a turn (default `yieldToEventLoop`). */
  pause?: () => Promise<void>;
  /** Told how long each slice ran (milliseconds), for the speed bench. */
  onSlice?: (ms: number) => void;
}

/** Runs steps, giving the event loop a turn whenever a slice has run `sliceMs`; resolves with their result. */
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const { sliceMs = SLICE_MS, signal, pause = yieldToEventLoop, onSlice } = options;
  try {
    signal?.throwIfAborted();
    let start = performance.now();
    for (;;) {
      const next = steps.next();
      const now = performance.now();
      if (next.done) {
        onSlice?.(now - start);
        return next.value;
      }
      if (now - start >= sliceMs) {
        onSlice?.(now - start);
        await pause();
        signal?.throwIfAborted();
        start = performance.now();
      }
    }
  } finally {
    steps.return(undefined as never);
  }
}
