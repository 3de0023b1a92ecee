/** An author's name in parts, as citation formats want it; `given` is '' for one-word names (and `literal`s). */
export interface NameParts {
  family: string;
  given: string;
  /** A name that must not be split (it holds a comma: "Acme, Inc."). */
  literal?: true;
}

const LOWER_INITIAL = /^\p{Ll}/u;

/**
 * Splits a display name ("Ana van der Berg") into family ("van der Berg") and given ("Ana") names: the last
 * word and any lower-case particles before it are the family name, as BibTeX reads "von Last".
 */
export function splitName(raw: string): NameParts {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.includes(',')) return { family: name, given: '', literal: true };
  const words = name.split(' ');
  let start = words.length - 1;
  while (start > 1 && LOWER_INITIAL.test(words[start - 1]!)) start--;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

/** Plain ASCII letters and digits of a text, lower-cased ("Öztürk" → "ozturk"): for citation keys. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
