import { describe, expect, it } from 'vitest';
import {
  keepExisting,
  selectedInOrder,
  setShownSelected,
  shownSelectionState,
  toggleSelected,
} from '../../../lib/shortlist/selection';

describe('shortlist selection', () => {
  it('toggles one paper without changing the set it was given', () => {
    const none = new Set<string>();
    const one = toggleSelected(none, 'a');
    expect([...one]).toEqual(['a']);
    expect(none.size).toBe(0);
    expect([...toggleSelected(one, 'a')]).toEqual([]);
    expect([...toggleSelected(one, 'a', true)]).toEqual(['a']);
    expect([...toggleSelected(one, 'b', false)]).toEqual(['a']);
  });

  it('selects all shown (keeping hidden ones selected) and unselects all shown', () => {
    const sel = setShownSelected(new Set(['z']), ['a', 'b'], true);
    expect([...sel].sort()).toEqual(['a', 'b', 'z']);
    expect([...setShownSelected(sel, ['a', 'b'], false)]).toEqual(['z']);
  });

  it('says whether none, some or all shown are selected (the select-all box)', () => {
    expect(shownSelectionState(new Set(), ['a'])).toBe('none');
    expect(shownSelectionState(new Set(['z']), ['a', 'b'])).toBe('none');
    expect(shownSelectionState(new Set(['a']), ['a', 'b'])).toBe('some');
    expect(shownSelectionState(new Set(['a', 'b', 'z']), ['a', 'b'])).toBe('all');
    expect(shownSelectionState(new Set(['a']), [])).toBe('none');
  });

  it('acts on the selected papers that are shown, in the shown order', () => {
    expect(selectedInOrder(new Set(['c', 'a', 'z']), ['a', 'b', 'c'])).toEqual(['a', 'c']);
  });

  it('forgets papers that are gone, and keeps the same set when nothing is', () => {
    const sel = new Set(['a', 'b']);
    expect([...keepExisting(sel, ['b', 'c'])]).toEqual(['b']);
    expect(keepExisting(sel, ['a', 'b', 'c'])).toBe(sel);
  });
});
