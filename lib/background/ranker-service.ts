import type { IDBPDatabase } from 'idb';
import { storage } from 'wxt/utils/storage';
import { rankerTrainingSet } from '../db/shortlist';
import type { PaperlightDB } from '../db/schema';
import { compileRanker, RankerModelSchema, trainRanker, type CompiledRanker } from '../scoring/ranker/index';

/** The trained model, persisted so that a restarted worker scores at once without retraining. */
const modelItem = storage.defineItem<unknown>('local:ranker-model', { fallback: null });

/** Quiet time after a shortlist change before retraining (several ☆ in a row train once). */
export const RETRAIN_DELAY_MS = 300;

/**
 * Keeps the learned ranker: loads the persisted model, retrains in the background after each change of the
 * shortlist or feedback (never inside a message's handling), and tells `onChange` when the model changed.
 */
export class RankerService {
  private compiled: CompiledRanker | null = null;
  private loaded: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private training: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Promise<IDBPDatabase<PaperlightDB>>,
    private readonly onChange: () => void = () => {},
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

  /** Retrains soon; returns at once. */
  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.training = this.training
        .then(() => this.train())
        .catch((e: unknown) => {
          console.warn('Paperlight: ranker training failed', e);
        });
    }, RETRAIN_DELAY_MS);
  }

  /** Resolves when any scheduled training has finished (tests, and the popup's "refresh"). */
  async settled(): Promise<void> {
    while (this.timer !== undefined) await new Promise((r) => setTimeout(r, RETRAIN_DELAY_MS));
    await this.training;
  }

  private async train(): Promise<void> {
    const model = trainRanker(await rankerTrainingSet(await this.db));
    await modelItem.setValue(model);
    this.compiled = model ? compileRanker(model) : null;
    this.onChange();
  }
}
