/** The shortlist view's selection: a set of record ids, changed only through these functions (each returns a copy). */
export type Selection = ReadonlySet<string>;

/** Adds or removes one id. */
export function toggleSelected(selection: Selection, id: string, on = !selection.has(id)): Selection {
  const next = new Set(selection);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** Selects every shown id (keeping the rest of the selection), or unselects every shown id. */
export function setShownSelected(selection: Selection, shown: readonly string[], on: boolean): Selection {
  const next = new Set(selection);
  for (const id of shown) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** Whether none, some or all of the shown ids are selected (the select-all box: off, mixed, on). */
export function shownSelectionState(selection: Selection, shown: readonly string[]): 'none' | 'some' | 'all' {
  if (selection.size === 0 || shown.length === 0) return 'none';
  let count = 0;
  for (const id of shown) if (selection.has(id)) count++;
  return count === 0 ? 'none' : count === shown.length ? 'all' : 'some';
}

/** The selected ids that are still among `existing` (after a removal, a reload), in `existing`'s order. */
export function keepExisting(selection: Selection, existing: Iterable<string>): Selection {
  if (selection.size === 0) return selection;
  const next = new Set<string>();
  for (const id of existing) if (selection.has(id)) next.add(id);
  return next.size === selection.size ? selection : next;
}

/** The selected ids among the shown ones, in the shown order (what "Export selected" exports). */
export function selectedInOrder(selection: Selection, shown: readonly string[]): string[] {
  return shown.filter((id) => selection.has(id));
}
