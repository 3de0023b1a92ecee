import { describe, expect, it } from 'vitest';
import { openReview } from '../../../lib/sites/openreview';
import { parseHtml } from '../../fixtures/parse';

const GROUP = 'https://openreview.net/group?id=ICLR.cc/2025/Conference';

/** A note as today's NoteList renders it (div.note inside a bare li). */
function note(id: string, title: string, authors: string[], extra = ''): string {
  const names = authors.map((a) => `<a href="/profile?id=~${a.replace(/ /g, '_')}1">${a}</a>`).join(', ');
  return (
    `<li><div class="note  undefined"><h4><a href="/forum?id=${id}">${title}</a></h4>` +
    `<div class="note-authors"><span>${names} </span></div>` +
    `<ul class="note-meta-info list-inline"><li>Published: 22 Jan 2025, Last Modified: 28 Feb 2025</li>` +
    `<li>ICLR 2025 Oral</li><li class="readers">Readers: Everyone</li></ul>${extra}</div></li>`
  );
}

function page(body: string, nextData?: string): Document {
  const script =
    nextData === undefined ? '' : `<script id="__NEXT_DATA__" type="application/json">${nextData}</script>`;
  return parseHtml(`<html><body><ul class="list-unstyled submissions-list">${body}</ul>${script}</body></html>`, GROUP);
}

describe('openreview adapter', () => {
  it('reads a note: title, authors as shown, venue, date; id from the forum link', () => {
    const [entry] = openReview.detect(page(note('AbC123xyZ0', 'A Paper', ['Ann Lee', 'Bo Chen'])), new URL(GROUP));
    expect(entry?.paper).toEqual({
      id: 'openreview:AbC123xyZ0',
      source: 'openreview',
      url: 'https://openreview.net/forum?id=AbC123xyZ0',
      title: 'A Paper',
      authors: ['Ann Lee', 'Bo Chen'],
      venue: 'ICLR 2025 Oral',
      date: '2025-01-22',
    });
    expect(entry?.root.className).toContain('note');
    expect(entry?.anchor?.tagName).toBe('H4');
  });

  it('skips replies (&noteId= of another note) and tasks (&invitationId=)', () => {
    const doc = page(
      note('AbC123xyZ0&amp;noteId=Rev456', 'Official Review of Submission1 by Reviewer x', ['Reviewer x']) +
        note('AbC123xyZ0&amp;invitationId=ICLR.cc/2025/Conference/-/Revision', 'Revision task', ['Me']) +
        note('Zz9Yy8Xx7W&amp;noteId=Zz9Yy8Xx7W', 'The paper itself', ['Ann Lee']),
    );
    expect(openReview.detect(doc, new URL(GROUP)).map((e) => e.paper.id)).toEqual(['openreview:Zz9Yy8Xx7W']);
    expect(openReview.expectedCount?.(doc, new URL(GROUP))).toBe(1);
  });

  it('takes every author from __NEXT_DATA__ when the list shows only the first ones', () => {
    const shown = Array.from({ length: 20 }, (_, i) => `Author ${i}`);
    const all = [...shown, 'Author 20', 'Author 21'];
    const json = JSON.stringify({
      props: {
        pageProps: {
          notes: [
            {
              id: 'AbC123xyZ0',
              forum: 'AbC123xyZ0',
              pdate: Date.UTC(2025, 0, 22),
              externalIds: ['arxiv:2501.01234'],
              content: { title: { value: 'A Paper' }, authors: { value: all }, abstract: { value: 'From JSON.' } },
            },
            // A reply in the same payload: not a paper.
            { id: 'Rev456', forum: 'AbC123xyZ0', content: { title: { value: 'Review' } } },
          ],
        },
      },
    });
    const [entry] = openReview.detect(page(note('AbC123xyZ0', 'A Paper', shown), json), new URL(GROUP));
    expect(entry?.paper.authors).toEqual(all);
    expect(entry?.paper.abstract).toBe('From JSON.');
    // The embedded data shows the arXiv id: it becomes the canonical id.
    expect(entry?.paper.id).toBe('2501.01234');
    expect(entry?.paper.arxivId).toBe('2501.01234');
  });

  it('falls back to the rendered notes when __NEXT_DATA__ is truncated or has another shape', () => {
    for (const json of ['{"props":{"pageProps":{"notes":[{"id":', '[1,2,3]', '"just a string"']) {
      const entries = openReview.detect(page(note('AbC123xyZ0', 'A Paper', ['Ann Lee']), json), new URL(GROUP));
      expect(entries.map((e) => [e.paper.id, e.paper.authors])).toEqual([['openreview:AbC123xyZ0', ['Ann Lee']]]);
    }
  });

  it('reads the old webfield markup (li.note, span.date, span.item) and content fields', () => {
    const legacy =
      '<li class="note" data-id="rkgpv2VFvr"><h4><a href="/forum?id=rkgpv2VFvr">Old Paper</a>' +
      '<a class="pdf-link" href="/pdf?id=rkgpv2VFvr"><img/></a></h4>' +
      '<div class="note-authors"><a class="profile-link" href="/profile?email=a%40b.c">Ann Lee</a>, ' +
      '<a class="profile-link" href="/profile?email=c%40d.e">Bo Chen</a></div>' +
      '<div class="note-meta-info"><span class="date">26 Sep 2019 (modified: 11 Mar 2020)</span>' +
      '<span class="item">ICLR 2020 Conference Blind Submission</span><span>7 Replies</span></div>' +
      '<ul class="note-content"><li><strong class="note-content-field">Abstract:</strong> ' +
      '<span class="note-content-value">We study things.</span></li></ul></li>';
    const [entry] = openReview.detect(page(legacy), new URL(GROUP));
    expect(entry?.paper).toMatchObject({
      id: 'openreview:rkgpv2VFvr',
      authors: ['Ann Lee', 'Bo Chen'],
      abstract: 'We study things.',
      venue: 'ICLR 2020 Conference Blind Submission',
      date: '2019-09-26',
      pdfUrl: 'https://openreview.net/pdf?id=rkgpv2VFvr',
    });
    expect(entry?.root.tagName).toBe('LI');
  });

  it('takes the arXiv id from the website link beside the title', () => {
    const html = note('AbC123xyZ0', 'A Paper', ['Ann Lee']).replace(
      '</a></h4>',
      '</a><a href="https://arxiv.org/abs/2406.07524v2" class="html-link"><img/></a></h4>',
    );
    expect(openReview.detect(page(html), new URL(GROUP))[0]?.paper).toMatchObject({
      id: '2406.07524',
      arxivId: '2406.07524',
    });
  });

  it('on a forum page, falls back to the citation_* meta tags when the rendered note lacks fields', () => {
    const url = 'https://openreview.net/forum?id=AbC123xyZ0';
    const doc = parseHtml(
      '<html><head><meta name="citation_title" content="Meta Title"><meta name="citation_author" content="Ann Lee">' +
        '<meta name="citation_author" content="Bo Chen"><meta name="citation_publication_date" content="2024/05/01">' +
        '<meta name="citation_abstract" content="Meta abstract."><meta name="citation_pdf_url" content="/pdf?id=AbC123xyZ0">' +
        '</head><body><div class="forum-container"><div class="forum-note"><div class="forum-title"><h2 class="citation_title"></h2></div>' +
        '</div><div id="forum-replies"><div class="note"><h4><span>A review</span></h4></div></div></div></body></html>',
      url,
    );
    const entries = openReview.detect(doc, new URL(url));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.paper).toEqual({
      id: 'openreview:AbC123xyZ0',
      source: 'openreview',
      url,
      title: 'Meta Title',
      authors: ['Ann Lee', 'Bo Chen'],
      abstract: 'Meta abstract.',
      date: '2024-05-01',
      pdfUrl: 'https://openreview.net/pdf?id=AbC123xyZ0',
    });
  });

  it('accepts the page types with their parameter only', () => {
    const ok = (u: string) => openReview.accepts?.(new URL(u)) ?? true;
    expect(ok('https://openreview.net/group?id=ICLR.cc/2025/Conference/Program_Chairs')).toBe(true);
    expect(ok('https://openreview.net/submissions?venue=NeurIPS.cc/2025/Conference&page=2')).toBe(true);
    expect(ok('https://openreview.net/profile?email=a%40b.c')).toBe(true);
    expect(ok('https://openreview.net/group')).toBe(false);
    expect(ok('https://openreview.net/forum')).toBe(false);
    expect(ok('https://openreview.net/search')).toBe(false);
    expect(ok('https://openreview.net/pdf?id=AbC123xyZ0')).toBe(false);
    expect(ok('https://openreview.net/groupies?id=x')).toBe(false);
  });

  it('is marked dynamic: venue tabs and pages are rendered by script', () => {
    expect(openReview.dynamic).toBe(true);
  });
});
