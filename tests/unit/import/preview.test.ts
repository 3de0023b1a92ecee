import { describe, expect, it } from 'vitest';
import { applyImport, readStoredData } from '../../../lib/db/backup';
import { newRecord } from '../../../lib/db/records';
import { getShortlisted, listShortlistRecords, saveToShortlist, updateShortlisted } from '../../../lib/db/shortlist';
import { toBibtex } from '../../../lib/export/bibtex';
import { parseBibtex } from '../../../lib/import/bibtex';
import { planImport, previewImport } from '../../../lib/import/preview';
import { parseRis } from '../../../lib/import/ris';
import { aliasProblems, arxivPaper, freshDb } from '../db/fixtures';

const rec = (n: number, at = n, fields = {}) => newRecord(arxivPaper(n, fields), {}, at);

describe('import preview (pure)', () => {
  it('merge: new papers are added, changed ones updated, equal ones unchanged, nothing removed', () => {
    const existing = [rec(1), rec(2), rec(3)];
    const incoming = [rec(2), { ...rec(3), tags: ['new tag'] }, rec(4)];
    expect(previewImport(existing, incoming, 'merge')).toEqual({
      added: ['2401.00004'],
      updated: ['2401.00003'],
      unchanged: ['2401.00002'],
      removed: [],
    });
  });

  it('replace: papers missing from the file are removed', () => {
    const plan = planImport([rec(1), rec(2)], [rec(2), rec(5)], 'replace');
    expect(plan.summary).toEqual({
      added: ['2401.00005'],
      updated: [],
      unchanged: ['2401.00002'],
      removed: ['2401.00001'],
    });
    expect(plan.clear).toBe(true);
    expect(plan.put.map((r) => r.id)).toEqual(['2401.00002', '2401.00005']);
  });

  it('matches papers by any alias: a DOI in the file updates the paper saved by its arXiv id', () => {
    const existing = [rec(1, 1, { doi: '10.1/one' })];
    const byDoi = newRecord(
      {
        id: 'doi:10.1/one',
        source: 'bibtex',
        url: '',
        title: 'Paper number 1',
        authors: [],
        doi: '10.1/one',
        venue: 'ACL',
      },
      {},
      9,
    );
    const plan = planImport(existing, [byDoi], 'merge');
    expect(plan.summary.updated).toEqual(['2401.00001']);
    expect(plan.put[0]).toMatchObject({ id: '2401.00001', paper: { venue: 'ACL' } });
    expect(plan.delete.map((r) => r.id)).toEqual(['2401.00001']);
  });

  it('a file entry that links two saved records merges them, deleting the one whose key goes away', () => {
    const doiOnly = newRecord(
      { id: 'doi:10.1/x', source: 'dblp', url: 'u', title: 'X', authors: [], doi: '10.1/x' },
      {},
      1,
    );
    const arxivOnly = rec(9, 2);
    const bridge = rec(9, 3, { doi: '10.1/x' });
    const plan = planImport([doiOnly, arxivOnly], [bridge], 'merge');
    expect(plan.summary).toEqual({ added: [], updated: ['2401.00009'], unchanged: [], removed: [] });
    expect(plan.delete.map((r) => r.id).sort()).toEqual(['2401.00009', 'doi:10.1/x']);
    expect(plan.put[0]!.aliases.sort()).toEqual(['2401.00009', 'doi:10.1/x']);
  });

  it('the same paper twice in one file is one record', () => {
    expect(previewImport([], [rec(1), rec(1, 5)], 'merge')).toEqual({
      added: ['2401.00001'],
      updated: [],
      unchanged: [],
      removed: [],
    });
  });
});

describe('BibTeX and RIS import into the shortlist', () => {
  it('entries with arXiv ids and DOIs dedupe against saved papers; the saved note and read state stay', async () => {
    const db = await freshDb();
    await saveToShortlist(db, arxivPaper(1), {}, 1);
    await updateShortlisted(db, '2401.00001', { note: 'mine', readState: 'read' }, 2);
    await saveToShortlist(
      db,
      {
        id: 'doi:10.5555/abc',
        source: 'dblp',
        url: 'https://dblp.org/x',
        title: 'Saved by DOI',
        authors: ['A B'],
        doi: '10.5555/abc',
      },
      {},
      3,
    );
    const bib = `
@misc{lovelace2024paper, title = {Paper number 1 (from a .bib)}, author = {Lovelace, Ada}, eprint = {2401.00001v2}, archivePrefix = {arXiv}}
@article{b2020saved, title = {Saved by {DOI}}, author = {B, A}, doi = {https://doi.org/10.5555/ABC}, journal = {Journal of Things}, year = 2020}
@inproceedings{new2023, title = {A new one}, author = {Doe, Jane and Roe, Richard}, booktitle = {NeurIPS 2023}, year = {2023}, month = may}
`;
    const incoming = parseBibtex(bib, 100);
    expect(incoming.map((r) => r.id)).toEqual(['2401.00001', 'doi:10.5555/abc', 'bibtex:new2023']);
    const summary = await applyImport(db, { shortlist: incoming }, 'merge');
    // The arXiv entry adds nothing the saved record lacks (same URL, shorter author list): unchanged.
    expect(summary).toEqual({
      added: ['bibtex:new2023'],
      updated: ['doi:10.5555/abc'],
      unchanged: ['2401.00001'],
      removed: [],
    });
    expect(await getShortlisted(db, '2401.00001')).toMatchObject({
      note: 'mine',
      readState: 'read',
      savedAt: 1,
      sites: ['arxiv'],
    });
    expect((await getShortlisted(db, 'doi:10.5555/abc'))?.paper).toMatchObject({
      venue: 'Journal of Things',
      date: '2020',
    });
    expect((await getShortlisted(db, 'bibtex:new2023'))?.paper).toMatchObject({
      authors: ['Jane Doe', 'Richard Roe'],
      date: '2023-05',
      venue: 'NeurIPS 2023',
    });
    expect(await listShortlistRecords(db)).toHaveLength(3);
    expect(await aliasProblems(db)).toEqual([]);
    db.close();
  });

  it('reads what other tools write: Google Scholar journal field, biblatex date, accents, @string, comments', () => {
    const bib = `
% exported by a reference manager; @misc{commented, title={not an entry}}
@string{acl = "Proceedings of the 62nd Annual Meeting of the " # "ACL"}
@comment{ jabref-meta: groups }
@Article{ scholar,
  Title = "Attention Is All You {Need}",
  Author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and others},
  Journal = {arXiv preprint arXiv:1706.03762},
  Year = {2017}
}
@inproceedings(accents,
  title = {{\\"U}ber die {Schr\\"odinger}-Gleichung -- eine \\emph{Einf\\"uhrung}},
  author = {M{\\"u}ller, J{\\"o}rg and {\\c{C}}elik, Ay{\\c s}e and de la Fontaine, Jean and {\\O}stergaard, S{\\o}ren},
  booktitle = acl,
  date = {2024-08-11},
  keywords = {physics; intro},
)`;
    const [scholar, accents] = parseBibtex(bib, 0);
    expect(scholar).toMatchObject({
      id: '1706.03762',
      paper: {
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
        date: '2017',
        arxivId: '1706.03762',
      },
    });
    expect(scholar!.paper.venue).toBeUndefined();
    expect(accents).toMatchObject({
      id: 'bibtex:accents',
      tags: ['physics', 'intro'],
      paper: {
        title: 'Über die Schrödinger-Gleichung – eine Einführung',
        authors: ['Jörg Müller', 'Ayşe Çelik', 'Jean de la Fontaine', 'Søren Østergaard'],
        venue: 'Proceedings of the 62nd Annual Meeting of the ACL',
        date: '2024-08-11',
      },
    });
  });

  it('reads RIS from other tools: wrapped lines, several URLs, arXiv and DOI links', () => {
    const ris = [
      'TY  - JOUR',
      'TI  - A journal paper',
      'AU  - Curie, Marie',
      'AU  - Curie, Pierre, Jr.',
      'PY  - 1903',
      'JO  - Comptes rendus',
      'UR  - https://example.org/paper',
      'UR  - https://arxiv.org/abs/hep-th/9901001v2',
      'AB  - First line of the abstract',
      'that goes on here.',
      'DO  - DOI:10.1000/XYZ',
      'ER  - ',
    ].join('\n');
    const [r] = parseRis(ris, 0);
    expect(r).toMatchObject({
      id: 'hep-th/9901001',
      paper: {
        title: 'A journal paper',
        authors: ['Marie Curie', 'Pierre Curie, Jr.'],
        date: '1903',
        venue: 'Comptes rendus',
        doi: '10.1000/xyz',
        url: 'https://example.org/paper',
        abstract: 'First line of the abstract that goes on here.',
      },
    });
  });

  it('an exported BibTeX file imported into an empty shortlist gives the same papers', async () => {
    const db = await freshDb();
    for (let i = 1; i <= 20; i++) await saveToShortlist(db, arxivPaper(i, { date: '2024-01' }), {}, i);
    const { shortlist } = await readStoredData(db);
    const target = await freshDb();
    await applyImport(target, { shortlist: parseBibtex(toBibtex(shortlist), 0) }, 'merge');
    const back = (await listShortlistRecords(target)).sort((a, b) => a.id.localeCompare(b.id));
    expect(back.map((r) => [r.id, r.paper.title, r.paper.authors, r.paper.date])).toEqual(
      [...shortlist].reverse().map((r) => [r.id, r.paper.title, r.paper.authors, '2024']),
    );
    db.close();
    target.close();
  });
});
