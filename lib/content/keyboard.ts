/** What the page's shortcuts do. */
export interface ShortcutActions {
  next(): void;
  previous(): void;
  toggleSaved(): void;
  cycleView(): void;
  help(): void;
}

/** Whether the key press belongs to something the user is typing in (never ours then). */
function typing(event: KeyboardEvent): boolean {
  if (event.isComposing) return true;
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return (
    /^(input|textarea|select)$/i.test(target.localName) ||
    target.closest('[contenteditable=""],[contenteditable="true"]') !== null
  );
}

/** `j`/`k` next/previous match, `s` shortlist the focused entry, `v` next view, `?` help; returns the remover. */
export function listenForShortcuts(actions: ShortcutActions): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
    const act =
      event.key === 'j'
        ? actions.next
        : event.key === 'k'
          ? actions.previous
          : event.key === 's'
            ? actions.toggleSaved
            : event.key === 'v'
              ? actions.cycleView
              : event.key === '?'
                ? actions.help
                : null;
    if (!act) return;
    event.preventDefault();
    act();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
