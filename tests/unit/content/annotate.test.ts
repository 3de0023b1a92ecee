// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  annotationFor,
  ENTRY_ATTR,
  HOST_TAG,
  isMatch,
  removeAnnotations,
  type AnnotationActions,
  type AnnotationState,
} from '../../../lib/content/annotate';
import type { DetectedEntry } from '../../../lib/schema/paper';
import type { ScoredPaper } from '../../../lib/schema/score';
import { paper } from '../helpers';

const HOSTILE = '<img src=x onerror="window.pwned=1"></style><script>window.pwned=2</script>\u202Egnp.exe';

function page(): { entries: DetectedEntry[]; original: string } {
  document.body.innerHTML = '<ul><li id="a"><b>First</b></li><li id="b"><b>Second</b></li></ul>';
  const original = document.body.innerHTML;
  const entries = ['a', 'b'].map((id) => ({
    paper: paper({ id, title: `Paper ${id}` }),
    root: document.getElementById(id)!,
  }));
  return { entries, original };
}

const match = (id: string, name = 'Agents', score = 40): ScoredPaper => ({
  id,
  score,
  tags: [{ interestId: 'agents', name, color: '#7c3aed' }],
  reasons: [{ interestId: 'agents', term: 'agent', field: 'title', spans: [[0, 5]] }],
});

const state = (result?: ScoredPaper, more: Partial<AnnotationState> = {}): AnnotationState => ({
  result,
  saved: false,
  fresh: false,
  feedback: undefined,
  ...more,
});

const actions = (): AnnotationActions => ({ toggleSaved: vi.fn(), toggleFeedback: vi.fn() });

/** What the annotation shows, as a user (or a screen reader) reads it. */
function shown(entry: DetectedEntry, acts = actions()) {
  const shadow = annotationFor(entry, acts).shadow;
  const visible = (sel: string) =>
    Array.from(shadow.querySelectorAll<HTMLElement>(sel))
      .filter((e) => !e.hidden && !e.closest('[hidden]'))
      .map((e) => e.textContent);
  return {
    chips: visible('.chip'),
    score: visible('.score'),
    badges: visible('.badge'),
    star: shadow.querySelector('.star')!,
    why: shadow.querySelector<HTMLButtonElement>('.why')!,
    row: shadow.querySelector<HTMLElement>('.row')!,
    shadow,
  };
}

describe('entry annotations', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('gives every detected entry the same bare host and its id, matching or not', () => {
    const { entries } = page();
    const [a, b] = entries.map((e) => annotationFor(e, actions()));
    a!.mount();
    b!.mount();
    a!.render(state(match('a', 'Agents', 80)));
    b!.render(state());
    for (const id of ['a', 'b']) {
      const root = document.getElementById(id)!;
      expect(root.getAttribute(ENTRY_ATTR)).toBe(id);
      expect(root.firstElementChild?.localName).toBe(HOST_TAG);
      // Closed shadow root, no attribute: the page reads nothing of the score or tags from the host.
      expect(root.firstElementChild?.shadowRoot).toBeNull();
      expect(root.firstElementChild?.attributes).toHaveLength(0);
    }
    expect(document.body.textContent).not.toContain('Agents');
    expect(document.body.innerHTML).not.toMatch(/80|7c3aed|agents/i);
  });

  it('shows chips, the score and a ☆ for a match, only a ☆ otherwise', () => {
    const { entries } = page();
    annotationFor(entries[0]!, actions()).render(state(match('a', 'Agents', 63)));
    annotationFor(entries[1]!, actions()).render(state());
    const a = shown(entries[0]!);
    expect(a.chips).toEqual(['Agents']);
    expect(a.score).toEqual(['score 63']);
    expect(a.star.textContent).toBe('☆');
    expect(a.row.classList.contains('match')).toBe(true);
    const b = shown(entries[1]!);
    expect(b.chips).toEqual([]);
    expect(b.score).toEqual([]);
    expect(b.star.textContent).toBe('☆');
    expect(b.row.classList.contains('match')).toBe(false);
  });

  it('shows ★ and "saved", and "new", and asks the session to toggle on click', () => {
    const { entries } = page();
    const acts = actions();
    annotationFor(entries[0]!, acts).render(state(undefined, { saved: true, fresh: true }));
    const a = shown(entries[0]!, acts);
    expect(a.star.textContent).toBe('★');
    expect(a.star.getAttribute('aria-pressed')).toBe('true');
    expect(a.badges).toEqual(['saved', 'new']);
    (a.star as HTMLElement).click();
    expect(acts.toggleSaved).toHaveBeenCalledWith(entries[0]!.root);
    (a.shadow.querySelector('.down') as HTMLElement).click();
    expect(acts.toggleFeedback).toHaveBeenCalledWith(entries[0]!.root, 'down');
  });

  it('explains a match: tag, term and field, and the ranker’s words', () => {
    const { entries } = page();
    const result: ScoredPaper = {
      ...match('a'),
      reasons: [
        { interestId: 'agents', term: 'agent', field: 'title' },
        { interestId: 'agents', term: 'tool use', field: 'abstract' },
      ],
      ranker: { percentile: 97, points: 20, words: ['reward model', 'rubric'] },
    };
    annotationFor(entries[0]!, actions()).render(state(result));
    const a = shown(entries[0]!);
    a.why.click();
    expect(a.why.getAttribute('aria-expanded')).toBe('true');
    const text = a.shadow.querySelector('.panel')!.textContent!;
    expect(text).toContain('Agents: “agent” in the title; “tool use” in the abstract');
    expect(text).toContain('Similar to your shortlist: reward model, rubric');
  });

  it('a hidden mute is not a match', () => {
    expect(isMatch({ ...match('a'), muted: 'hide' })).toBe(false);
    expect(isMatch({ ...match('a'), muted: 'lower' })).toBe(true);
    expect(isMatch({ ...match('a'), score: 0 })).toBe(false);
  });

  it('does not add a second host for the same entry', () => {
    const { entries } = page();
    annotationFor(entries[0]!, actions()).mount();
    annotationFor(entries[0]!, actions()).mount();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('puts the annotation just before the adapter’s anchor (the title) when there is one', () => {
    const { entries } = page();
    const title = document.querySelector('#a b')!;
    annotationFor({ ...entries[0]!, anchor: title }, actions()).mount();
    expect(title.previousElementSibling?.localName).toBe(HOST_TAG);
  });

  it('leaves hostile tag names and reasons as inert text', () => {
    const { entries } = page();
    const hostile: ScoredPaper = {
      ...match('a', HOSTILE),
      reasons: [{ interestId: 'agents', term: HOSTILE, field: 'title' }],
    };
    annotationFor(entries[0]!, actions()).render(state(hostile));
    const a = shown(entries[0]!);
    a.why.click();
    expect(a.chips).toEqual([HOSTILE]);
    expect(a.shadow.querySelector('.panel')!.textContent).toContain(HOSTILE);
    expect(a.shadow.querySelectorAll('img, script')).toHaveLength(0);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('removes every trace and restores the original DOM', () => {
    const { entries, original } = page();
    for (const e of entries) {
      const a = annotationFor(e, actions());
      a.mount();
      a.render(state(match(e.paper.id)));
    }
    removeAnnotations();
    expect(document.body.innerHTML).toBe(original);
  });
});
