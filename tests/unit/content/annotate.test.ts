// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { annotate, HOST_TAG, removeAnnotations } from '../../../lib/content/annotate';
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

const match = (id: string, name = 'Agents'): ScoredPaper => ({
  id,
  score: 40,
  tags: [{ interestId: 'agents', name, color: '#7c3aed' }],
  reasons: [{ interestId: 'agents', term: 'agent', field: 'title' }],
});

describe('annotate', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('gives every detected entry the same host and its id, matching or not', () => {
    const { entries } = page();
    annotate(entries, [match('a')]);
    for (const id of ['a', 'b']) {
      const root = document.getElementById(id)!;
      expect(root.getAttribute('data-paperlight-entry')).toBe(id);
      expect(root.firstElementChild?.localName).toBe(HOST_TAG);
      // Closed shadow root: the page cannot read what is drawn inside, matching or not.
      expect(root.firstElementChild?.shadowRoot).toBeNull();
      expect(root.firstElementChild?.attributes).toHaveLength(0);
    }
    expect(document.body.textContent).not.toContain('Agents');
  });

  it('does not add a second host when annotating again', () => {
    const { entries } = page();
    annotate(entries, [match('a')]);
    annotate(entries, [match('b')]);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(2);
  });

  it('puts the annotation just before the adapter’s anchor (the title) when there is one', () => {
    const { entries } = page();
    const title = document.querySelector('#a b')!;
    annotate([{ ...entries[0]!, anchor: title }], [match('a')]);
    expect(title.previousElementSibling?.localName).toBe(HOST_TAG);
    annotate([{ ...entries[0]!, anchor: title }], [match('a')]);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('leaves hostile tag names as inert text', () => {
    const { entries } = page();
    annotate(entries, [match('a', HOSTILE)]);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
  });

  it('removes every trace and restores the original DOM', () => {
    const { entries, original } = page();
    annotate(entries, [match('a')]);
    removeAnnotations();
    expect(document.body.innerHTML).toBe(original);
  });
});
