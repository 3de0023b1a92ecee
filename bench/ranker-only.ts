// `npx tsx bench/ranker-only.ts`: the learned ranker's speed bench alone.
import { report } from './measure';
import { runRankerBench } from './ranker';

report(await runRankerBench());
