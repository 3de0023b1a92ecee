import { useState, type DragEvent } from 'react';
import { i18n } from '#i18n';
import type { Interest, InterestPatch } from '../../lib/schema/interest';
import { TagChip } from '../tag-chip';
import { InterestEditor } from './interest-editor';

/** Where the row's controls register, so the view can put focus back after the list changes. */
export type Register = (key: string) => (el: HTMLElement | null) => void;

const DRAG_TYPE = 'application/x-paperlight-interest';

/**
 * One interest: on/off, its tag, weight and mute, its query; move up/down (and drag), edit in place, delete.
 * Every control is a native one with a name that says which interest it acts on.
 */
export function InterestRow({
  interest,
  index,
  count,
  editing,
  tabId,
  register,
  onToggle,
  onMove,
  onEdit,
  onSave,
  onCancel,
  onDelete,
}: {
  interest: Interest;
  index: number;
  count: number;
  editing: boolean;
  tabId: number | null;
  register: Register;
  onToggle: (enabled: boolean) => void;
  onMove: (from: number, to: number) => void;
  onEdit: () => void;
  onSave: (patch: InterestPatch) => void;
  onCancel: () => void;
  onDelete: () => void;
}) {
  const { id, name } = interest;
  const [dropping, setDropping] = useState<'before' | 'after' | null>(null);

  // Drag and drop is for the mouse; the buttons do the same from the keyboard.
  const onDragStart = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(DRAG_TYPE, String(index));
    event.dataTransfer.effectAllowed = 'move';
    const row = event.currentTarget.closest('li');
    if (row) event.dataTransfer.setDragImage(row, 12, 12);
  };
  const half = (event: DragEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropping(half(event));
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    const from = Number(event.dataTransfer.getData(DRAG_TYPE));
    setDropping(null);
    if (!Number.isInteger(from)) return;
    event.preventDefault();
    const at = half(event) === 'before' ? index : index + 1;
    onMove(from, from < at ? at - 1 : at);
  };

  const classes = ['interest-row', interest.enabled ? '' : 'is-off', dropping ? `drop-${dropping}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li
      className={classes}
      data-interest-id={id}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(null)}
      onDrop={onDrop}
    >
      <div className="interest-main">
        <span
          className="drag-handle"
          draggable={!editing}
          onDragStart={onDragStart}
          onDragEnd={() => setDropping(null)}
          title={i18n.t('interests.dragHandle')}
          aria-hidden="true"
        >
          ⠿
        </span>
        <input
          type="checkbox"
          className="interest-enabled"
          checked={interest.enabled}
          onChange={(e) => onToggle(e.target.checked)}
          aria-label={i18n.t('interests.enable', [name])}
          ref={register(`${id}:toggle`)}
        />
        <div className="interest-text">
          <div className="interest-title">
            <TagChip name={name} color={interest.color} />
            {!interest.enabled && <span className="badge">{i18n.t('interests.off')}</span>}
            {interest.weight !== 1 && !interest.mute && (
              <span className="badge" title={i18n.t('interests.weightBadgeLabel', [String(interest.weight)])}>
                {i18n.t('interests.weightBadge', [String(interest.weight)])}
              </span>
            )}
            {interest.mute && (
              <span className="badge badge-mute">
                {interest.mute === 'hide' ? i18n.t('interests.mutedHide') : i18n.t('interests.mutedLower')}
              </span>
            )}
          </div>
          <code className="interest-query">{interest.query}</code>
        </div>
        <div className="interest-actions">
          <button
            type="button"
            className="icon"
            aria-label={i18n.t('interests.moveUp', [name])}
            title={i18n.t('interests.moveUp', [name])}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
            ref={register(`${id}:up`)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon"
            aria-label={i18n.t('interests.moveDown', [name])}
            title={i18n.t('interests.moveDown', [name])}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
            ref={register(`${id}:down`)}
          >
            ↓
          </button>
          <button
            type="button"
            aria-label={i18n.t('interests.editLabel', [name])}
            aria-expanded={editing}
            onClick={editing ? onCancel : onEdit}
            ref={register(`${id}:edit`)}
          >
            {i18n.t('interests.edit')}
          </button>
          <button
            type="button"
            className="danger"
            aria-label={i18n.t('interests.deleteLabel', [name])}
            onClick={onDelete}
            ref={register(`${id}:delete`)}
          >
            {i18n.t('interests.delete')}
          </button>
        </div>
      </div>
      {editing && <InterestEditor interest={interest} tabId={tabId} onSave={onSave} onCancel={onCancel} />}
    </li>
  );
}
