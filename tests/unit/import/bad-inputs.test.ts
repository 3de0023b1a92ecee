import { describe, expect, it } from 'vitest';
import { applyImport, readStoredData } from '../../../lib/db/backup';
import { saveToShortlist } from '../../../lib/db/shortlist';
import { toBackupJson } from '../../../lib/export/backup';
import { ImportError } from '../../../lib/import/errors';
import { parseImport, readImportFile } from '../../../lib/import/index';
import { SettingsSchema } from '../../../lib/schema/settings';
import { arxivPaper, freshDb } from '../db/fixtures';

const settings = SettingsSchema.parse({});
const good = JSON.parse(
  toBackupJson({
    shortlist: [
      {
        id: '2401.00001',
        paper: arxivPaper(1),
        aliases: ['2401.00001'],
        sources: [{ source: 'arxiv', url: 'https://arxiv.org/abs/2401.00001', at: 1 }],
        sites: ['arxiv'],
        tags: [],
        interestTags: [],
        note: '',
        readState: 'unread',
        score: 0,
        savedAt: 1,
        updatedAt: 1,
      },
    ],
    feedback: [{ id: 'f', paper: arxivPaper(2), verdict: 'down', at: 1 }],
    interests: [{ id: 'a', name: 'A', query: 'a', color: '#112233', weight: 1, enabled: true }],
    settings,
    seen: [{ id: 's', source: 'arxiv', firstSeenAt: 1, lastSeenAt: 2 }],
  }),
) as Record<string, unknown> & { shortlist: Record<string, unknown>[] };

/** The valid backup with one change deep inside it. */
function backupWith(change: (b: typeof good) => void): string {
  const copy = structuredClone(good);
  change(copy);
  return JSON.stringify(copy);
}

const record = (b: typeof good) => b.shortlist[0] as Record<string, unknown> & { paper: Record<string, unknown> };
const nested = (depth: number) =>
  JSON.stringify({ ...good, shortlist: 'X' }).replace('"X"', `${'['.repeat(depth)}${']'.repeat(depth)}`);
const bibBomb = [
  '@string{a = "0123456789012345678901234567890123456789"}',
  ...'bcdefghijklmnopqrstu'
    .split('')
    .map((c, i) => `@string{${c} = ${'abcdefghijklmnopqrstu'[i]} # ${'abcdefghijklmnopqrstu'[i]}}`),
  '@misc{bomb, title = u}',
].join('\n');

/** [what, file text, file name, what the message must say] */
const BAD: [string, string, string, RegExp][] = [
  ['an empty file', '', 'x.txt', /not a Paperlight backup, a BibTeX file or an RIS file/],
  [
    'plain text',
    'hello world, no references here',
    'notes.txt',
    /not a Paperlight backup, a BibTeX file or an RIS file/,
  ],
  ['a truncated backup', JSON.stringify(good).slice(0, 200), 'b.json', /not valid JSON .*cut short/],
  ['a JSON array', '[1, 2, 3]', 'b.json', /not a Paperlight backup/],
  ['another app’s JSON', '{"format":"zotero","items":[]}', 'b.json', /not a Paperlight backup/],
  [
    'a backup from a newer Paperlight',
    backupWith((b) => (b.schemaVersion = 99)),
    'b.json',
    /newer Paperlight \(format 99/,
  ],
  [
    'a version as a string',
    backupWith((b) => (b.schemaVersion = '1')),
    'b.json',
    /Invalid input.*\(at schemaVersion\)/,
  ],
  ['no shortlist', backupWith((b) => delete (b as Partial<typeof good>).shortlist), 'b.json', /\(at shortlist\)/],
  [
    'an empty title',
    backupWith((b) => (record(b).paper.title = '')),
    'b.json',
    /^Nothing was imported\. Shortlist record 1 \(id 2401\.00001\): Too small.*\(at paper\.title\)/,
  ],
  [
    'a 20,001-character title',
    backupWith((b) => (record(b).paper.title = 'x'.repeat(20_001))),
    'b.json',
    /Too big.*\(at paper\.title\)/,
  ],
  ['an unknown read state', backupWith((b) => (record(b).readState = 'maybe')), 'b.json', /readState/],
  ['a score of 1000', backupWith((b) => (record(b).score = 1000)), 'b.json', /Too big.*\(at score\)/],
  ['no aliases', backupWith((b) => (record(b).aliases = [])), 'b.json', /Too small.*\(at aliases\)/],
  ['a script where tags go', backupWith((b) => (record(b).tags = '<script>')), 'b.json', /Invalid input.*\(at tags\)/],
  [
    'a bad 👍/👎',
    backupWith((b) => ((b.feedback as { verdict: string }[])[0]!.verdict = 'meh')),
    'b.json',
    /feedback record 1.*verdict/,
  ],
  [
    'a bad interest colour',
    backupWith((b) => ((b.interests as { color: string }[])[0]!.color = 'red')),
    'b.json',
    /interests record 1.*color/,
  ],
  [
    'a seen time that is text',
    backupWith((b) => ((b.seen as { firstSeenAt: unknown }[])[0]!.firstSeenAt = 'yesterday')),
    'b.json',
    /seen record 1.*firstSeenAt/,
  ],
  [
    '100,001 records',
    JSON.stringify({ ...good, shortlist: new Array(100_001).fill(0) }),
    'b.json',
    /more than 100,000 shortlist records/,
  ],
  [
    'arrays nested 100,000 deep',
    nested(100_000),
    'b.json',
    /not valid JSON|shortlist record 1: Invalid input: expected object/,
  ],
  [
    'a truncated BibTeX entry',
    '@misc{cut,\n  title = {Half a tit',
    'x.bib',
    /line 1, entry “cut”: a “\{” is never closed: the file may be cut short/,
  ],
  [
    'a missing comma',
    '@misc{k,\n title = {A}\n author = {B}\n}',
    'x.bib',
    /line 3, entry “k”: a “,” is missing after the field “title”/,
  ],
  ['an entry without a title', '@misc{k, author = {B}}', 'x.bib', /entry “k”: the entry has no title/],
  ['an undefined @string macro', '@misc{k, title = nosuchmacro}', 'x.bib', /macro “nosuchmacro” is not defined/],
  ['an @string expansion bomb', bibBomb, 'x.bib', /expand to far more text than the file holds|longer than 1,000,000/],
  [
    'braces nested 101 deep',
    `@misc{k, title = ${'{'.repeat(101)}x${'}'.repeat(101)}}`,
    'x.bib',
    /nested deeper than 100/,
  ],
  ['an entry without a key', '@article{, title = {x}}', 'x.bib', /has no citation key/],
  ['an @ without an entry type', 'text\n@{broken}', 'x.bib', /line 2: an “@” is not followed by an entry type/],
  [
    'a 1,000,001-character field',
    `@misc{k, title = {t}, abstract = {${'a'.repeat(1_000_001)}}}`,
    'x.bib',
    /longer than 1,000,000 characters/,
  ],
  [
    '100,001 BibTeX entries',
    Array.from({ length: 100_001 }, (_, i) => `@misc{k${i},title={t}}`).join('\n'),
    'x.bib',
    /more than 100,000 entries/,
  ],
  ['binary junk named .bib', '\u0000\u0001\u0002PK\u0003\u0004', 'x.bib', /holds no BibTeX entries/],
  [
    'a 20,001-character BibTeX title',
    `@misc{long, title = {${'x'.repeat(20_001)}}}`,
    'x.bib',
    /entry “long”: Too big.*\(at title\)/,
  ],
  [
    'a truncated RIS file',
    'TY  - JOUR\nTI  - Cut short\nAU  - Doe, J',
    'x.ris',
    /line 1: the reference is not closed with “ER {2}- ”/,
  ],
  [
    'an RIS tag outside a reference',
    'TI  - Stray\nTY  - JOUR\nTI  - x\nER  - ',
    'x.ris',
    /line 1: the tag TI is outside a reference/,
  ],
  [
    'two RIS references run together',
    'TY  - JOUR\nTI  - a\nTY  - JOUR\nTI  - b\nER  - ',
    'x.ris',
    /line 3: a reference starts before the one above ends/,
  ],
  [
    'an RIS reference without a title',
    'TY  - JOUR\nAU  - Doe, J\nER  - ',
    'x.ris',
    /line 1, entry “#1”: the entry has no title/,
  ],
  [
    'text before the first RIS reference',
    'Exported by a tool\nTY  - JOUR\nTI  - x\nER  - ',
    'x.ris',
    /line 1: text outside a reference/,
  ],
];

// Thousands of records: generous time on a loaded two-core machine.
describe('bad import files', { timeout: 30_000 }, () => {
  it(`covers ${BAD.length} malformed, truncated, oversized or hostile files`, () => {
    expect(BAD.length).toBeGreaterThanOrEqual(25);
  });

  it.each(BAD)('%s: a clear error, and nothing in the shortlist changes', async (_what, text, name, message) => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(42), { tags: ['kept'] }, 1);
    const before = await readStoredData(db, { includeSeen: true });
    let error: unknown;
    try {
      const parsed = parseImport(text, name);
      await applyImport(db, { shortlist: parsed.shortlist }, 'replace');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^Nothing was imported\. /);
    expect((error as Error).message).toMatch(new RegExp(message.source, 'i'));
    expect(await readStoredData(db, { includeSeen: true })).toStrictEqual(before);
    db.close();
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const big = new Blob([new Uint8Array(50 * 1024 * 1024 + 1)]);
    await expect(readImportFile(big)).rejects.toThrow(/larger than 50 MB/);
    expect(() => parseImport(`{${' '.repeat(50 * 1024 * 1024)}}`, 'b.json')).toThrow(/larger than 50 MB/);
    await expect(readImportFile(new Blob(['@misc{a, title={b}}']))).resolves.toBe('@misc{a, title={b}}');
  });

  it('a backup carrying __proto__ keys imports without polluting any prototype', () => {
    const text = JSON.stringify(good).replace('{"id":"2401.00001"', '{"__proto__":{"polluted":true},"id":"2401.00001"');
    expect(text).toContain('__proto__');
    const parsed = parseImport(`{"__proto__":{"polluted":true},${text.slice(1)}`, 'b.json');
    expect(parsed.shortlist).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed.shortlist[0]!)).not.toContain('__proto__');
  });
});
