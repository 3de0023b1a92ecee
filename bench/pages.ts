export { parseHtml as parseCapture } from '../tests/fixtures/parse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PAGES = join(import.meta.dirname, '../tests/fixtures/pages');

export function readCapture(file: string): string {
  return readFileSync(join(PAGES, file), 'utf8');
}

/** The arXiv monthly capture grown to `count` entries by repeating its dt/dd pairs with fresh ids. */
export function bigArxivListing(count: number): string {
  const html = readCapture('arxiv/list-cs.CL-2025-05-show50.html');
  const start = html.indexOf('<dt>');
  const end = html.lastIndexOf('</dd>') + '</dd>'.length;
  const pairs = html.slice(start, end);
  let body = '';
  for (let copy = 0; body.split('<dt>').length - 1 < count; copy++) {
    body += pairs.replace(/25(05)\.(\d{5})/g, (_m, _mm, n: string) => `${String(30 + copy).padStart(2, '0')}05.${n}`);
  }
  const dts = body.split('<dt>').slice(1, count + 1);
  return html.slice(0, start) + dts.map((d) => `<dt>${d}`).join('') + html.slice(end);
}

/** The HF daily capture grown to `count` cards (and as many JSON entries) with fresh ids. */
export function bigHfDaily(count: number): string {
  const html = readCapture('huggingface/papers-daily-2026-09-28.html');
  const first = html.indexOf('<article');
  const last = html.lastIndexOf('</article>') + '</article>'.length;
  const cards = html.slice(first, last);
  const copies = Math.ceil(count / 28);
  let grown = '';
  for (let copy = 0; copy < copies; copy++) grown += cards.replace(/\b26(\d{2})\.(\d{5})\b/g, `${10 + copy}$1.$2`);
  // The embedded JSON is left as captured: the adapter then takes the grown cards' own fields for the rest.
  return html.slice(0, first) + grown + html.slice(last);
}
