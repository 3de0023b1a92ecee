/** Words of a paper, as the ranker's TF-IDF features see them. */

/**
 * English stop words: scikit-learn's list (what the arxiv-sanity-lite reference uses) minus the words that carry
 * meaning in paper titles ("system", "interest", "fire", "bill", "side", "top", "bottom", "full", "empty", "thin",
 * "thick", "front", "back", "move", "part", "name", "call", "describe", "detail", "find", "found", "show").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'about above across after afterwards again against all almost alone along already also although always am among ' +
    'amongst amoungst amount an and another any anyhow anyone anything anyway anywhere are around as at be became ' +
    'because become becomes becoming been before beforehand behind being below beside besides between beyond both but ' +
    'by can cannot cant co con could couldnt cry de do done down due during each eg eight either eleven else elsewhere ' +
    'enough etc even ever every everyone everything everywhere except few fifteen fifty fill first five for former ' +
    'formerly forty four from further get give go had has hasnt have he hence her here hereafter hereby herein ' +
    'hereupon hers herself him himself his how however hundred ie if in inc indeed into is it its itself keep last ' +
    'latter latterly least less ltd made many may me meanwhile might mill mine more moreover most mostly much must my ' +
    'myself namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere of off often ' +
    'on once one only onto or other others otherwise our ours ourselves out over own per perhaps please put rather re ' +
    'same see seem seemed seeming seems serious several she should since sincere six sixty so some somehow someone ' +
    'something sometime sometimes somewhere still such take ten than that the their them themselves then thence there ' +
    'thereafter thereby therefore therein thereupon these they third this those though three through throughout thru ' +
    'thus to together too toward towards twelve twenty two un under until up upon us very via was we well were what ' +
    'whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while ' +
    'whither who whoever whole whom whose why will with within without would yet you your yours yourself yourselves'
  ).split(' '),
);

/** A word: a letter or underscore, then letters, digits or underscores (scikit-learn's pattern, lower case). */
export const WORD_PATTERN = /[a-z_][a-z0-9_]+/g;
// Combining marks left by NFKD: folding them turns "Schrödinger" into "schrodinger".
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** Folds the diacritics of lower-case text: "schrödinger" → "schrodinger". */
export function foldNonAscii(lower: string): string {
  return lower.normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** Lower-cases and folds diacritics (only when the text has any: most abstracts are plain ASCII). */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? foldNonAscii(lower) : lower;
}

/**
 * The content words of a text, in order: folded, two characters or more, stop words removed. The plain form of
 * what `WordScanner.scan` reads (its tests compare the two).
 */
export function words(text: string): string[] {
  return (foldText(text).match(WORD_PATTERN) ?? []).filter((word) => !STOP_WORDS.has(word));
}

/**
 * Harman's "S" stemmer: folds English plurals ("models" → "model", "studies" → "study") so that a paper about
 * reward models and one about a reward model share their features. Nothing more aggressive: Porter's stemmer
 * merges words researchers tell apart ("general" and "generate" both become "gener").
 */
export function stem(word: string): string {
  if (word.length < 4 || !word.endsWith('s')) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (/[uis]s$/.test(word)) return word;
  return word.slice(0, -1);
}
