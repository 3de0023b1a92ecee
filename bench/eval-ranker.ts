// `npm run eval:ranker -- --dir <DIR> [--out <FILE>] [--set name=value …] [--inductive]`
//
// Quality of the learned ranker on shortlist-ranking tasks (format: ../shared/eval/README.md). It runs the code the
// extension runs (lib/scoring/ranker): train on the task's seen papers with its shortlist as positives, compile the
// persisted model, score the candidates. The ranker reads only titles, abstracts, authors and which seen papers are
// shortlisted: never `relevant`, `target` or `group`, which serve here only to compute average precision.
//
// The candidates are passed as unlabeled papers too (transductive): the extension stores every paper it sees, so a
// page's papers are part of the next training. `--inductive` leaves them out (a model trained before the page).
// `--set svmC=0.03` (repeatable) overrides one ranker setting, for the ablations logged in the closing note.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  compileRanker,
  DEFAULT_RANKER_SETTINGS,
  scorePapers,
  trainRanker,
  type RankerDoc,
  type RankerSettings,
} from '../lib/scoring/ranker';

interface Paper extends RankerDoc {
  id: string;
}

interface Task {
  id: string;
  family: string;
  seen: string[];
  positives: string[];
  candidates: string[];
  relevant: string[];
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/**
 * Average precision as scikit-learn's `average_precision_score` computes it: papers with equal scores enter the
 * ranking together, so ties cannot flatter the ranker.
 */
export function averagePrecision(scores: readonly number[], relevant: readonly boolean[]): number {
  const total = relevant.filter(Boolean).length;
  if (total === 0) return 0;
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let hits = 0;
  let seen = 0;
  let ap = 0;
  let previousRecall = 0;
  for (let i = 0; i < order.length;) {
    const tie = scores[order[i]!]!;
    for (; i < order.length && scores[order[i]!] === tie; i++) {
      seen++;
      if (relevant[order[i]!]) hits++;
    }
    const recall = hits / total;
    ap += (recall - previousRecall) * (hits / seen);
    previousRecall = recall;
  }
  return ap;
}

function parseSettings(pairs: readonly string[]): Partial<RankerSettings> {
  const overrides: Record<string, number | boolean> = {};
  for (const pair of pairs) {
    const [name, value] = pair.split('=');
    if (!name || value === undefined || !(name in DEFAULT_RANKER_SETTINGS)) throw new Error(`--set ${pair}: unknown`);
    overrides[name] = value === 'true' ? true : value === 'false' ? false : Number(value);
  }
  return overrides as Partial<RankerSettings>;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function main(): void {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      out: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] },
      inductive: { type: 'boolean', default: false },
    },
  });
  if (!values.dir) throw new Error('usage: eval-ranker --dir <DIR> [--out <FILE>] [--set name=value] [--inductive]');
  const settings = parseSettings(values.set);
  const papers = new Map(readJsonl<Paper>(join(values.dir, 'papers.jsonl')).map((p) => [p.id, p]));
  const tasks = readJsonl<Task>(join(values.dir, 'tasks.jsonl'));
  const paper = (id: string): Paper => {
    const found = papers.get(id);
    if (!found) throw new Error(`paper ${id} is not in papers.jsonl`);
    return found;
  };

  const results: Record<string, { ap: number; ms: number }> = {};
  const byFamily = new Map<string, number[]>();
  for (const task of tasks) {
    const shortlisted = new Set(task.positives);
    const relevant = new Set(task.relevant);
    const candidates = task.candidates.map(paper);
    const t0 = performance.now();
    const model = trainRanker(
      {
        positives: task.seen.filter((id) => shortlisted.has(id)).map(paper),
        unlabeled: [
          ...task.seen.filter((id) => !shortlisted.has(id)).map(paper),
          ...(values.inductive ? [] : candidates),
        ],
      },
      settings,
    );
    // A silent ranker (too few positives) ranks nothing: every candidate ties.
    const scores = model ? scorePapers(compileRanker(model), candidates).map((s) => s.score) : candidates.map(() => 0);
    const ms = performance.now() - t0;
    const ap = averagePrecision(
      scores,
      task.candidates.map((id) => relevant.has(id)),
    );
    results[task.id] = { ap: round4(ap), ms: Math.round(ms * 10) / 10 };
    const family = byFamily.get(task.family) ?? [];
    family.push(ap);
    byFamily.set(task.family, family);
  }

  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const map: Record<string, number> = {};
  for (const [family, aps] of [...byFamily].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    map[family] = round4(mean(aps));
  }
  map.all = round4(mean(Object.values(results).map((r) => r.ap)));
  const msPerTask = mean(Object.values(results).map((r) => r.ms));
  // The directory's reference results, when it has them, side by side.
  const referenceFile = join(values.dir, 'reference.json');
  const reference = existsSync(referenceFile)
    ? (JSON.parse(readFileSync(referenceFile, 'utf8')) as { map?: Record<string, number> })
    : undefined;
  const table: Record<string, Record<string, number | string>> = {};
  for (const [family, value] of Object.entries(map)) {
    const ref = reference?.map?.[family];
    table[family] = { MAP: value, tasks: byFamily.get(family)?.length ?? tasks.length };
    if (ref !== undefined) Object.assign(table[family], { reference: ref, ratio: (value / ref).toFixed(3) });
  }
  console.table(table);
  console.log(`${tasks.length} tasks, ${msPerTask.toFixed(1)} ms per task (train + score)`);
  if (values.out) writeFileSync(values.out, `${JSON.stringify({ map, tasks: results }, null, 1)}\n`);
}

main();
