import { parse, type Creator } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { newRecord } from '../../../lib/db/records';
import { citationKeys, escapeLatex, toBibtex } from '../../../lib/export/bibtex';
import { parseBibtex } from '../../../lib/import/bibtex';
import { arxivIdOf } from '../../../lib/export/common';
import { hostileRecords } from './hostile';

/** A name as the independent parser reads it, put back together as a display name. */
function displayName(c: Creator): string {
  if (c.name) return c.name;
  const main = [c.firstName, c.prefix, c.lastName].filter(Boolean).join(' ');
  return c.suffix ? `${main}, ${c.suffix}` : main;
}

const oneSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

// Thousands of records: generous time on a loaded two-core machine.
describe('BibTeX export', { timeout: 30_000 }, () => {
  const records = hostileRecords(1000);
  const bib = toBibtex(records);

  it('an independent parser (@retorquere/bibtex-parser) reads back every title, author and id of 1,000 hostile papers', () => {
    const library = parse(bib, { english: false, sentenceCase: false, caseProtection: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1000);
    const keys = citationKeys(records);
    library.entries.forEach((entry, i) => {
      const r = records[i]!;
      expect(entry.key).toBe(keys.get(r.id));
      expect(entry.fields.title).toBe(r.paper.title);
      expect((entry.fields.author ?? []).map(displayName)).toEqual(r.paper.authors.map(oneSpace));
      expect(entry.fields.eprint).toBe(arxivIdOf(r));
      expect(entry.fields.doi).toBe(r.paper.doi);
      expect(entry.fields.abstract).toBe(r.paper.abstract);
    });
    // The independent parser turns each field's LaTeX into text with a full LaTeX grammar: seconds, not ms.
  }, 60_000);

  it('Paperlight reads its own export back to the same papers (titles, authors, ids, abstracts, tags)', () => {
    const back = parseBibtex(bib, 0);
    const keys = citationKeys(records);
    expect(back).toHaveLength(1000);
    back.forEach((b, i) => {
      const r = records[i]!;
      expect(b.id).toBe(r.id.startsWith('openreview:') ? `bibtex:${keys.get(r.id)}` : r.id);
      expect(b.paper.title).toBe(r.paper.title);
      expect(b.paper.authors).toEqual(r.paper.authors.map(oneSpace));
      expect(b.paper.abstract).toBe(r.paper.abstract);
      expect(b.paper.doi).toBe(r.paper.doi);
      expect(b.tags).toEqual(
        r.tags
          .flatMap((t) => t.split(/[,;]/))
          .map(oneSpace)
          .filter(Boolean),
      );
    });
  });

  it('writes arXiv-style entries: @misc with eprint, archivePrefix, primaryClass and url', () => {
    const record = newRecord(
      {
        id: '2401.12345',
        source: 'huggingface',
        url: 'https://huggingface.co/papers/2401.12345',
        title: 'Reward Models for RLHF',
        authors: ['Jane Smith', 'Ana van der Berg'],
        arxivId: '2401.12345',
        categories: ['cs.CL', 'cs.LG'],
        date: '2025-01-22',
      },
      {},
      0,
    );
    expect(toBibtex([record])).toBe(
      [
        '@misc{smith2025reward,',
        '  title = {Reward Models for {RLHF}},',
        '  author = {Smith, Jane and van der Berg, Ana},',
        '  year = {2025},',
        '  eprint = {2401.12345},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  url = {https://arxiv.org/abs/2401.12345},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes @inproceedings with booktitle for a conference venue and @article with journal for a journal', () => {
    const paper = {
      id: 'doi:10.1/x',
      source: 'acl',
      url: 'https://a.org/x',
      title: 'T',
      authors: ['A B'],
      doi: '10.1/x',
    };
    expect(toBibtex([newRecord({ ...paper, venue: 'ACL 2024' }, {}, 0)])).toMatch(
      /^@inproceedings\{b\w*t,\n[^]*booktitle = \{ACL 2024\}/,
    );
    expect(toBibtex([newRecord({ ...paper, venue: 'Journal of ML' }, {}, 0)])).toMatch(
      /^@article\{[^]*journal = \{Journal of ML\}/,
    );
  });

  it('escapes every LaTeX special and breaks TeX ligatures', () => {
    expect(escapeLatex("a {b} 100% & #1 $x_i$ \\ ~ ^ <x> -- `` '' ?` ,,")).toBe(
      'a \\textbraceleft{}b\\textbraceright{} 100\\% \\& \\#1 \\$x\\_i\\$ \\textbackslash{} \\textasciitilde{} ' +
        "\\textasciicircum{} \\textless{}x\\textgreater{} -{}- `{}` '{}' ?{}` ,{},",
    );
  });

  it('citation keys are unique, and stable: the paper saved first keeps the plain key', () => {
    const paper = (id: string) => ({
      id,
      source: 's',
      url: '',
      title: 'Reward models',
      authors: ['Jane Smith'],
      date: '2025',
    });
    const a = newRecord(paper('2501.00001'), {}, 1);
    const b = newRecord(paper('2501.00002'), {}, 2);
    const c = newRecord(paper('2501.00003'), {}, 3);
    expect([...citationKeys([c, b, a]).entries()].sort()).toEqual([
      ['2501.00001', 'smith2025reward'],
      ['2501.00002', 'smith2025rewarda'],
      ['2501.00003', 'smith2025rewardb'],
    ]);
    expect(citationKeys([a]).get('2501.00001')).toBe('smith2025reward');
    const keys = [...citationKeys(records).values()];
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z0-9]+$/);
  });
});
