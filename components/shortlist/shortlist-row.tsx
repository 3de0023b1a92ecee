import { memo, useId, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import { RECORD_LIMITS } from '../../lib/schema/shortlist';
import type { ShortlistSummary } from '../../lib/shortlist/summary';
import { paperLinks } from '../../lib/shortlist/links';

/** What is being edited in a row: its note or a new tag, with the text typed so far. */
export interface Editing {
  id: string;
  kind: 'note' | 'tag';
  draft: string;
}

/** What a row can ask of the view (one object for every row, so rows re-render only when their paper changes). */
export interface RowActions {
  toggleSelected(id: string, on: boolean): void;
  toggleRead(summary: ShortlistSummary, index: number): void;
  /** Opens an editor, or changes its draft. */
  edit(editing: Editing): void;
  /** Closes the row's editor without saving. */
  closeEditor(editing: Editing): void;
  saveNote(summary: ShortlistSummary, note: string): void;
  addTag(summary: ShortlistSummary, tag: string): void;
  removeTag(summary: ShortlistSummary, tag: string): void;
  remove(summary: ShortlistSummary, index: number): void;
}

interface RowProps {
  summary: ShortlistSummary;
  index: number;
  setSize: number;
  start: number;
  selected: boolean;
  /** The row's editor, when one is open in it. */
  editing: Editing | null;
  siteName: (site: string) => string;
  interestColor: (name: string) => string | undefined;
  tagListId: string;
  actions: RowActions;
  measure: (element: HTMLElement | null) => void;
}

const DATE = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function authorsLine(s: ShortlistSummary): string {
  if (s.authorCount === 0) return '';
  return s.authorCount > 3 ? i18n.t('shortlist.authorsMore', [s.authors.slice(0, 3).join(', ')]) : s.authors.join(', ');
}

/** One saved paper: select box, title, authors and where it was saved, tags, note, and its actions. */
export const ShortlistRow = memo(function ShortlistRow({
  summary: s,
  index,
  setSize,
  start,
  selected,
  editing,
  siteName,
  interestColor,
  tagListId,
  actions,
  measure,
}: RowProps) {
  const titleId = useId();
  const links = paperLinks(s);
  const read = s.readState === 'read';
  const meta = [
    authorsLine(s),
    s.sites.map(siteName).join(', '),
    i18n.t('shortlist.scoreLabel', [String(Math.round(s.score))]),
    i18n.t('shortlist.savedOn', [DATE.format(s.savedAt)]),
  ].filter(Boolean);

  const onEditorKey = (event: KeyboardEvent, save: () => void) => {
    if (event.key === 'Escape' && editing) {
      event.preventDefault();
      actions.closeEditor(editing);
    } else if (event.key === 'Enter' && (editing?.kind === 'tag' || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  return (
    <li
      ref={measure}
      data-index={index}
      data-paper-id={s.id}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-labelledby={titleId}
      className={read ? 'sl-row' : 'sl-row sl-unread'}
      style={{ transform: `translateY(${start}px)` }}
    >
      <input
        type="checkbox"
        className="sl-check"
        checked={selected}
        aria-label={i18n.t('shortlist.select', [s.title])}
        onChange={(e) => actions.toggleSelected(s.id, e.target.checked)}
      />
      <div className="sl-body">
        <p className="sl-title" id={titleId}>
          {!read && <span className="sl-dot" title={i18n.t('shortlist.unreadMark')} aria-hidden="true" />}
          {/* elementtiming: the bench reads when the first rows are painted. */}
          <span {...{ elementtiming: 'shortlist-row' }}>{s.title}</span>
          {!read && <span className="visually-hidden"> ({i18n.t('shortlist.unreadMark')})</span>}
        </p>
        <p className="sl-meta">{meta.join(' · ')}</p>
        {(s.tags.length > 0 || s.interestTags.length > 0) && (
          <div className="sl-chips">
            {s.tags.map((tag) => (
              <span key={`t:${tag}`} className="sl-chip">
                {tag}
                <button
                  type="button"
                  className="sl-chip-remove"
                  aria-label={i18n.t('shortlist.removeTag', [tag, s.title])}
                  onClick={() => actions.removeTag(s, tag)}
                >
                  ×
                </button>
              </span>
            ))}
            {s.interestTags.map((tag) => (
              <span key={`i:${tag}`} className="sl-chip sl-interest" title={i18n.t('shortlist.interestTag', [tag])}>
                <span className="sl-swatch" style={{ background: interestColor(tag) }} aria-hidden="true" />
                <span className="visually-hidden">{i18n.t('shortlist.interestPrefix')} </span>
                {tag}
              </span>
            ))}
          </div>
        )}
        {s.note && editing?.kind !== 'note' && <p className="sl-note">{s.note}</p>}
        {editing?.kind === 'note' && (
          <div className="sl-editor">
            <textarea
              aria-label={i18n.t('shortlist.noteField', [s.title])}
              value={editing.draft}
              rows={3}
              maxLength={RECORD_LIMITS.noteLength}
              autoFocus
              onChange={(e) => actions.edit({ ...editing, draft: e.target.value })}
              onKeyDown={(e) => onEditorKey(e, () => actions.saveNote(s, editing.draft))}
            />
            <div className="sl-editor-actions">
              <button type="button" onClick={() => actions.saveNote(s, editing.draft)}>
                {i18n.t('shortlist.noteSave')}
              </button>
              <button type="button" onClick={() => actions.closeEditor(editing)}>
                {i18n.t('shortlist.noteCancel')}
              </button>
            </div>
          </div>
        )}
        {editing?.kind === 'tag' && (
          <div className="sl-editor sl-tag-editor">
            <input
              type="text"
              list={tagListId}
              aria-label={i18n.t('shortlist.tagField', [s.title])}
              value={editing.draft}
              maxLength={RECORD_LIMITS.tagLength}
              autoFocus
              onChange={(e) => actions.edit({ ...editing, draft: e.target.value })}
              onKeyDown={(e) => onEditorKey(e, () => actions.addTag(s, editing.draft))}
            />
            <button type="button" onClick={() => actions.addTag(s, editing.draft)}>
              {i18n.t('shortlist.tagAdd')}
            </button>
            <button type="button" onClick={() => actions.closeEditor(editing)}>
              {i18n.t('shortlist.noteCancel')}
            </button>
          </div>
        )}
        <div className="sl-actions">
          <button
            type="button"
            className="sl-action"
            data-action="read"
            aria-label={i18n.t(read ? 'shortlist.markUnreadLabel' : 'shortlist.markReadLabel', [s.title])}
            onClick={() => actions.toggleRead(s, index)}
          >
            {i18n.t(read ? 'shortlist.markUnread' : 'shortlist.markRead')}
          </button>
          {(
            [
              ['note', i18n.t('shortlist.noteLabel', [s.title]), i18n.t('shortlist.note'), s.note],
              ['tag', i18n.t('shortlist.addTagLabel', [s.title]), i18n.t('shortlist.addTag'), ''],
            ] as const
          ).map(([kind, label, text, draft]) => (
            <button
              key={kind}
              type="button"
              className="sl-action"
              data-action={kind}
              aria-label={label}
              aria-expanded={editing?.kind === kind}
              onClick={() =>
                editing?.kind === kind ? actions.closeEditor(editing) : actions.edit({ id: s.id, kind, draft })
              }
            >
              {text}
            </button>
          ))}
          {[
            [links.arxiv, i18n.t('shortlist.openArxivLabel', [s.title]), i18n.t('shortlist.openArxiv')],
            [links.huggingface, i18n.t('shortlist.openHfLabel', [s.title]), i18n.t('shortlist.openHf')],
            [links.site, i18n.t('shortlist.openSiteLabel', [s.title, siteName(s.source)]), siteName(s.source)],
          ].map(
            ([href, label, text]) =>
              href && (
                <a key={href} className="sl-action" href={href} target="_blank" rel="noreferrer" aria-label={label}>
                  {text}
                </a>
              ),
          )}
          <button
            type="button"
            className="sl-action sl-remove"
            data-action="remove"
            aria-label={i18n.t('shortlist.removeLabel', [s.title])}
            onClick={() => actions.remove(s, index)}
          >
            {i18n.t('shortlist.remove')}
          </button>
        </div>
      </div>
    </li>
  );
});
