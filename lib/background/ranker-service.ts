import type { IDBPDatabase } from 'idb';
import { storage } from 'wxt/utils/storage';
import { rankerTrainingSet } from '../db/shortlist';
import type { PaperlightDB } from '../db/schema';
import {
  compileRanker,
  RankerModelSchema,
  trainRankerInSlices,
  type CompiledRanker,
  type SliceOptions,
} from '../scoring/ranker/index';

/** The trained model, persisted so that a restarted worker scores at once without retraining. */
const modelItem = storage.defineItem<unknown>('local:ranker-model', { fallback: null });

/** Quiet time after a shortlist change before retraining (several ☆ in a row train once). */
export const RETRAIN_DELAY_MS = 300;

/**
 * Keeps the learned ranker: loads the persisted model, retrains in the background after each change of the
 * shortlist or feedback (never inside a message's handling, and in slices that let messages be answered meanwhile),
 * and tells `onChange` when the model changed. A change during a training stops it: the next one reads the newer
 * shortlist, so trainings never pile up.
 */
export class RankerService {
  private compiled: CompiledRanker | null = null;
  private loaded: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The training under way (or the last one), settled either way. */
  private training: Promise<void> = Promise.resolve();
  private abort: AbortController | undefined;

  constructor(
    private readonly db: Promise<IDBPDatabase<PaperlightDB>>,
    private readonly onChange: () => void = () => {},
    /** How training shares the worker: slice length, and how it pauses (tests hold it at a pause). */
    private readonly slices: Omit<SliceOptions, 'signal'> = {},
  ) {
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    const stored = await modelItem.getValue();
    const parsed = RankerModelSchema.safeParse(stored);
    this.compiled = parsed.success && parsed.data ? compileRanker(parsed.data) : null;
    // A model saved in an older format is rebuilt from the shortlist rather than leaving the ranker silent.
    if (stored !== null && !parsed.success) this.schedule();
  }

  /** The current model, or null (fewer than 3 shortlisted papers: the ranker stays silent). */
  async current(): Promise<CompiledRanker | null> {
    await this.loaded;
    return this.compiled;
  }

  /** Retrains soon, stopping a training under way (it read an older shortlist); returns at once. */
  schedule(): void {
    this.abort?.abort();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const abort = new AbortController();
      this.abort = abort;
      // After the previous training has stopped: one training at a time, writing models in order.
      this.training = this.training.then(() => this.train(abort.signal));
    }, RETRAIN_DELAY_MS);
  }

  /** Resolves when no training is scheduled or under way (tests, and the popup's "refresh"). */
  async settled(): Promise<void> {
    for (;;) {
      if (this.timer !== undefined) await new Promise((r) => setTimeout(r, RETRAIN_DELAY_MS));
      else {
        const training = this.training;
        await training;
        if (training === this.training && this.timer === undefined) return;
      }
    }
  }

  private async train(signal: AbortSignal): Promise<void> {
    try {
      if (signal.aborted) return;
      const set = await rankerTrainingSet(await this.db);
      const model = await trainRankerInSlices(set, {}, { ...this.slices, signal });
      // A change while the shortlist was read or the last slice ran: the next training persists.
      if (signal.aborted) return;
      await modelItem.setValue(model);
      this.compiled = model ? compileRanker(model) : null;
      this.onChange();
    } catch (e: unknown) {
      if (!signal.aborted) console.warn('Paperlight: ranker training failed', e);
    }
  }
}
