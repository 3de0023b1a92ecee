/** The learned ranker ("more like my shortlist"): train on the shortlist, score and explain new papers. */
export { compileRanker, percentileOf, RankerModelSchema, scorePaper, scorePapers } from './model';
export type { CompiledRanker, RankerModel, RankerReason, RankerScore } from './model';
export { DEFAULT_RANKER_SETTINGS } from './settings';
export type { RankerSettings } from './settings';
export { trainRanker, trainRankerInSlices } from './train';
export type { RankerTrainingSet } from './train';
export type { RankerDoc } from './vectorize';
export type { SliceOptions } from './steps';
