import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import type { Interest, InterestPatch } from '../../lib/schema/interest';
import { INTEREST_COLORS } from '../../lib/storage/default-interests';
import { QueryFeedback, useQueryCheck } from './query-feedback';

type Mute = 'none' | 'lower' | 'hide';
const MUTES: [Mute, string][] = [
  ['none', i18n.t('interests.muteNone')],
  ['lower', i18n.t('interests.muteLower')],
  ['hide', i18n.t('interests.muteHide')],
];

/** The form that edits one interest in place: name, query (checked and counted live), colour, weight, mute. */
export function InterestEditor({
  interest,
  tabId,
  onSave,
  onCancel,
}: {
  interest: Interest;
  tabId: number | null;
  onSave: (patch: InterestPatch) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(interest.name);
  const [query, setQuery] = useState(interest.query);
  const [color, setColor] = useState(interest.color);
  const [weight, setWeight] = useState(interest.weight);
  const [mute, setMute] = useState<Mute>(interest.mute ?? 'none');
  const [nameMissing, setNameMissing] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  const queryField = useRef<HTMLTextAreaElement>(null);
  const checked = useQueryCheck(query, tabId, true);
  const queryBad = checked?.query === query && !checked.check.ok;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      nameField.current?.focus();
      return;
    }
    if (queryBad || !query.trim()) {
      queryField.current?.focus();
      return;
    }
    // The background checks the query again and refuses it if it does not parse.
    onSave({ name: name.trim(), query: query.trim(), color, weight, mute: mute === 'none' ? null : mute });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      className="interest-editor"
      aria-label={i18n.t('interests.editorLabel', [interest.name])}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>{i18n.t('interests.name')}</label>
        <input
          id={`${id}-name`}
          ref={nameField}
          value={name}
          maxLength={80}
          aria-invalid={nameMissing}
          aria-describedby={nameMissing ? `${id}-name-error` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setNameMissing(false);
          }}
          autoFocus
        />
        {nameMissing && (
          <p id={`${id}-name-error`} className="query-error">
            {i18n.t('interests.nameRequired')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-query`}>{i18n.t('interests.query')}</label>
        <textarea
          id={`${id}-query`}
          ref={queryField}
          className="query-input"
          value={query}
          rows={2}
          maxLength={2000}
          spellCheck={false}
          aria-invalid={queryBad}
          aria-describedby={`${id}-feedback ${id}-help`}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter saves, as in the other fields; Shift+Enter breaks the line of a long query.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <QueryFeedback id={`${id}-feedback`} result={checked} />
        <p id={`${id}-help`} className="hint">
          {i18n.t('interests.queryHelp')}
        </p>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-color`}>{i18n.t('interests.colour')}</label>
          <input
            id={`${id}-color`}
            type="color"
            value={color}
            list={`${id}-palette`}
            onChange={(e) => setColor(e.target.value.toLowerCase())}
          />
          <datalist id={`${id}-palette`}>
            {INTEREST_COLORS.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <div className="field field-weight">
          <label htmlFor={`${id}-weight`}>{i18n.t('interests.weight')}</label>
          <div className="weight-control">
            <input
              id={`${id}-weight`}
              type="range"
              min={0}
              max={10}
              step={0.5}
              value={weight}
              aria-describedby={`${id}-weight-hint`}
              onChange={(e) => setWeight(Number(e.target.value))}
            />
            <output htmlFor={`${id}-weight`} aria-hidden="true">
              {weight}
            </output>
          </div>
          <p id={`${id}-weight-hint`} className="hint">
            {i18n.t('interests.weightHint')}
          </p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-mute`}>{i18n.t('interests.mute')}</label>
        <select id={`${id}-mute`} value={mute} onChange={(e) => setMute(e.target.value as Mute)}>
          {MUTES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="editor-actions">
        <button type="submit" className="primary">
          {i18n.t('interests.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('interests.cancel')}
        </button>
      </div>
    </form>
  );
}
