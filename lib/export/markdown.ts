import type { ShortlistRecord } from '../schema/shortlist';
import { arxivIdOf, citationUrl, oneLine } from './common';

/**
 * Page text as literal Markdown text: `<`, `>` and `&` as entities (no raw HTML, no entity tricks), and the
 * punctuation Markdown reads as syntax (links, emphasis, code, tables) backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()!|~#]/g, '\\$&');
}

/** Text that starts a line: also escape what would make it a heading, list item, quote or rule. */
function escapeLineStart(line: string): string {
  return escapeMarkdown(line).replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_m, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

/** A link target, or undefined when the URL is not http(s) (no `javascript:` links from page data). */
function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  // Characters that would end or break the `(…)` destination are percent-encoded.
  return url.replace(/[\s()<>"\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function item(record: ShortlistRecord, n: number): string {
  const { paper } = record;
  const title = escapeMarkdown(oneLine(paper.title));
  const url = safeUrl(citationUrl(record));
  const arxiv = arxivIdOf(record);
  const details = [
    paper.authors.length ? escapeMarkdown(oneLine(paper.authors.join(', '))) : undefined,
    paper.venue ? escapeMarkdown(oneLine(paper.venue)) : undefined,
    paper.date,
    arxiv ? `arXiv:${escapeMarkdown(arxiv)}` : undefined,
    paper.doi ? `doi:${escapeMarkdown(paper.doi)}` : undefined,
  ].filter(Boolean);
  const labels = [
    record.tags.length ? `Tags: ${escapeMarkdown(record.tags.join(', '))}` : undefined,
    record.interestTags.length ? `Matched: ${escapeMarkdown(record.interestTags.join(', '))}` : undefined,
    record.readState === 'read' ? 'Read' : undefined,
  ].filter(Boolean);
  const head = [`${n}. **${url ? `[${title}](${url})` : title}**`];
  if (details.length) head.push(`   ${details.join(' · ')}`);
  if (labels.length) head.push(`   ${labels.join(' · ')}`);
  // Two trailing spaces: a line break inside the list item.
  const block = head.join('  \n');
  const note = record.note.trim();
  if (!note) return block;
  const quoted = note.split(/\r?\n/).map((l) => (l.trim() ? `   > ${escapeLineStart(l)}` : '   >'));
  return [block, '', ...quoted].join('\n');
}

/** The records as a readable Markdown reading list with links. */
export function toMarkdown(records: readonly ShortlistRecord[], date: Date = new Date()): string {
  const count = records.length === 1 ? '1 paper' : `${records.length} papers`;
  const header = `# Paperlight reading list\n\n${count}, exported ${localDate(date)}.\n`;
  return `${[header, ...records.map((r, i) => item(r, i + 1))].join('\n')}\n`;
}

/** The date as YYYY-MM-DD in the user's time zone (the day they see on their calendar). */
export function localDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}
