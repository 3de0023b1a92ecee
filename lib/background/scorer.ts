import type { PaperEntry } from '../schema/paper';
import type { ScoredPaper } from '../schema/score';
import { compileInterests, scorePaper, type CompiledInterest } from '../scoring/score';
import { interestsItem, readInterests } from '../storage/interests';
import { readSettings, settingsItem } from '../storage/settings';
import type { RankerService } from './ranker-service';

export interface Scorer {
  /** Scores papers against the current interests and, when on, the learned ranker. */
  score(entries: readonly PaperEntry[]): Promise<ScoredPaper[]>;
  /** Forgets the compiled interests (they are recompiled on the next score). */
  invalidate(): void;
}

/** One scorer for reports and re-scores: interests are compiled once per change, not per message. */
export function createScorer(ranker: RankerService): Scorer {
  let compiled: Promise<CompiledInterest[]> | null = null;
  let rankerEnabled = readSettings().then((s) => s.rankerEnabled);
  interestsItem.watch(() => {
    compiled = null;
  });
  settingsItem.watch(() => {
    rankerEnabled = readSettings().then((s) => s.rankerEnabled);
  });
  return {
    async score(entries) {
      const [interests, model] = await Promise.all([
        (compiled ??= readInterests().then(compileInterests)),
        rankerEnabled.then((on) => (on ? ranker.current() : null)),
      ]);
      return entries.map((paper) => scorePaper(paper, interests, model));
    },
    invalidate() {
      compiled = null;
    },
  };
}
