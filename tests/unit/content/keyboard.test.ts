// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForShortcuts } from '../../../lib/content/keyboard';

function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
}

describe('keyboard shortcuts', () => {
  let stop = () => {};
  afterEach(() => stop());

  const actions = () => ({ next: vi.fn(), previous: vi.fn(), toggleSaved: vi.fn(), cycleView: vi.fn(), help: vi.fn() });

  it('j / k / s / ? call their actions', () => {
    const a = actions();
    stop = listenForShortcuts(a);
    press('j');
    press('k');
    press('s');
    press('v');
    press('?');
    expect(a.next).toHaveBeenCalledTimes(1);
    expect(a.previous).toHaveBeenCalledTimes(1);
    expect(a.toggleSaved).toHaveBeenCalledTimes(1);
    expect(a.cycleView).toHaveBeenCalledTimes(1);
    expect(a.help).toHaveBeenCalledTimes(1);
  });

  it('never fires while the user types in an input, a textarea or an editable element, or with modifiers', () => {
    const a = actions();
    stop = listenForShortcuts(a);
    document.body.innerHTML =
      '<input id="i"><textarea id="t"></textarea><div id="e" contenteditable="true"><b id="b">x</b></div>';
    for (const id of ['i', 't', 'e', 'b']) press('j', document.getElementById(id)!);
    press('j', document.body, { ctrlKey: true });
    press('s', document.body, { metaKey: true });
    expect(a.next).not.toHaveBeenCalled();
    expect(a.toggleSaved).not.toHaveBeenCalled();
  });

  it('stops listening when removed', () => {
    const a = actions();
    listenForShortcuts(a)();
    press('j');
    expect(a.next).not.toHaveBeenCalled();
  });
});
