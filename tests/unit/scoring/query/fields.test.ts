import { describe, expect, it } from 'vitest';
import { highlights, match } from './helpers';

const authors = (...names: string[]) => ({ title: 'A paper', authors: names });

describe('author:', () => {
  it('matches a surname, or any one word of a name', () => {
    expect(highlights('author:lecun', authors('Yoshua Bengio', 'Yann LeCun'))).toEqual(['authors: LeCun']);
    expect(match('author:LECUN', authors('Yann LeCun')).matched).toBe(true);
    expect(match('author:yann', authors('Yann LeCun')).matched).toBe(true);
    expect(match('author:lecu', authors('Yann LeCun')).matched).toBe(false);
    expect(match('author:lecun', { title: 'LeCun on convolutions', authors: ['Geoffrey Hinton'] }).matched).toBe(false);
  });

  it('matches a name written with initials, in either direction', () => {
    expect(highlights('author:"Y. LeCun"', authors('Yann LeCun'))).toEqual(['authors: Yann LeCun']);
    expect(match('author:"Yann LeCun"', authors('Y. LeCun')).matched).toBe(true);
    expect(match('author:"Y LeCun"', authors('Yann André LeCun')).matched).toBe(true);
    expect(match('author:"Y. A. LeCun"', authors('Yann André LeCun')).matched).toBe(true);
    expect(match('author:"J.-B. Poline"', authors('Jean-Baptiste Poline')).matched).toBe(true);
    expect(match('author:"JB Poline"', authors('Jean-Baptiste Poline')).matched).toBe(true);
    expect(match('author:"G. LeCun"', authors('Yann LeCun')).matched).toBe(false);
    expect(match('author:"Yann Bengio"', authors('Yann LeCun', 'Yoshua Bengio')).matched).toBe(false);
  });

  it('folds diacritics and reads "Surname, Given" both in the query and in the list', () => {
    expect(highlights('author:scholkopf', authors('Bernhard Schölkopf'))).toEqual(['authors: Schölkopf']);
    expect(match('author:"B. Schölkopf"', authors('Bernhard Scholkopf')).matched).toBe(true);
    expect(highlights('author:"Y. LeCun"', authors('LeCun, Yann'))).toEqual(['authors: LeCun, Yann']);
    expect(match('author:"LeCun, Y."', authors('Yann LeCun')).matched).toBe(true);
  });

  it('matches a surname written in two words, and a surname prefix', () => {
    expect(highlights('author:lecun', authors('Yann Le Cun'))).toEqual(['authors: Le Cun']);
    expect(highlights('author:"Y. LeCun"', authors('Yann Le Cun'))).toEqual(['authors: Yann Le Cun']);
    expect(match('author:"Sean OBrien"', authors("Sean O'Brien")).matched).toBe(true);
    expect(highlights('author:lec*', authors('Yann LeCun', 'Anna Lecomte', 'Bo Li'))).toEqual([
      'authors: LeCun',
      'authors: Lecomte',
    ]);
  });

  it('reports which author matched', () => {
    const result = match('author:bengio OR author:lecun', authors('Yoshua Bengio', 'Geoffrey Hinton', 'Yann LeCun'));
    expect(result.hits.map((h) => [h.term, h.item])).toEqual([
      ['bengio', 0],
      ['lecun', 2],
    ]);
  });
});

describe('cat:', () => {
  const p = { title: 'A paper', authors: [], categories: ['cs.LG', 'stat.ML', 'hep-th'] };

  it('matches an arXiv category code, case-insensitively', () => {
    expect(highlights('cat:cs.LG', p)).toEqual(['categories: cs.LG']);
    expect(match('cat:cs.lg', p).matched).toBe(true);
    expect(match('cat:cs.CL', p).matched).toBe(false);
    expect(match('cat:hep-th', p).matched).toBe(true);
    expect(match('cat:hep', p).matched).toBe(false);
  });

  it('matches every category of an archive with cs.* or cs', () => {
    expect(highlights('cat:cs.*', p)).toEqual(['categories: cs.LG']);
    expect(highlights('cat:cs', p)).toEqual(['categories: cs.LG']);
    expect(match('cat:math.*', p).matched).toBe(false);
    expect(match('cat:stat*', p).matched).toBe(true);
  });

  it('reads codes inside labels, and matches label words', () => {
    const labelled = { title: 'A paper', authors: [], categories: ['Machine Learning (cs.LG)', 'Robotics'] };
    expect(highlights('cat:cs.LG', labelled)).toEqual(['categories: cs.LG']);
    expect(highlights('cat:"machine learning"', labelled)).toEqual(['categories: Machine Learning']);
    expect(match('cat:robotics', labelled).matched).toBe(true);
    expect(match('cat:learn', labelled).matched).toBe(false);
    expect(match('cat:cs.*', { title: 'A paper', authors: [] }).matched).toBe(false);
  });

  it('combines with other terms, under any of its names', () => {
    expect(match('cat:cs.LG -cat:cs.CL', p).matched).toBe(true);
    expect(match('category:stat.ML subject:hep-th categories:cs.LG', p).matched).toBe(true);
    expect(match('cat:cs.* AND paper', p).matched).toBe(true);
  });
});

describe('venue:', () => {
  const p = { title: 'A paper', authors: [], venue: 'NeurIPS 2024 (Datasets & Benchmarks)' };

  it('matches part of the venue, case- and diacritic-insensitively', () => {
    expect(highlights('venue:neurips', p)).toEqual(['venue: NeurIPS']);
    expect(highlights('venue:"IPS 2024"', p)).toEqual(['venue: IPS 2024']);
    expect(match('venue:icml', p).matched).toBe(false);
    expect(highlights('venue:montreal', { title: 'x', authors: [], venue: 'Université de Montréal' })).toEqual([
      'venue: Montréal',
    ]);
    expect(match('venue:acl', { title: 'x', authors: [] }).matched).toBe(false);
  });
});
