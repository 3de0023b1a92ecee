// `npx tsx bench/annotate.ts [--runs N] [--tasks]`: issue #5's on-page annotation bench alone, in real Chromium.
import { runAnnotateBench } from './annotate-browser';
import { report } from './measure';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : undefined;
if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) throw new Error('--runs takes a positive integer');

report(await runAnnotateBench({ runs, printTasks: args.includes('--tasks') }));
