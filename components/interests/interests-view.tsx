import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { moveItem, restoreAt } from '../../lib/interests/list';
import type { Preset } from '../../lib/interests/presets';
import { sendMessage } from '../../lib/messaging/client';
import type { Interest, InterestPatch } from '../../lib/schema/interest';
import { InterestPresets, presetInterest } from './interest-presets';
import { InterestRow } from './interest-row';
import { InterestsTransfer } from './interests-transfer';
import { QueryFeedback, useQueryCheck } from './query-feedback';
import './interests.css';

/** The status line: what just happened, and the undo of a delete. */
interface Status {
  text: string;
  undo?: { interest: Interest; index: number };
}

/**
 * The interest manager: the list (on/off, reorder, edit in place, colour, weight, mute, delete with undo), a
 * keyword to add, presets, and import/export. Every change goes through the background, which answers the new
 * list and re-scores the open pages itself. `tabId`: the tab whose papers the query editors count.
 */
export function InterestsView({ tabId, onError }: { tabId: number | null; onError: (e: unknown) => void }) {
  const [interests, setInterests] = useState<Interest[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [draft, setDraft] = useState('');
  const addId = useId();
  const draftCheck = useQueryCheck(draft, tabId);

  // Answers can come back out of order (a reload racing a save): only the latest request's list is shown.
  const sequence = useRef(0);
  const apply = useCallback(
    async (request: Promise<Interest[]>): Promise<Interest[] | null> => {
      const n = ++sequence.current;
      try {
        const next = await request;
        if (n === sequence.current) setInterests(next);
        return next;
      } catch (e) {
        onError(e);
        // What is stored is the truth after a failure (an optimistic reorder is undone).
        const m = ++sequence.current;
        const fresh = await sendMessage('listInterests', {}).catch(() => null);
        if (fresh && m === sequence.current) setInterests(fresh);
        return null;
      }
    },
    [onError],
  );

  useEffect(() => {
    const reload = () => {
      const n = ++sequence.current;
      sendMessage('listInterests', {}).then((next) => {
        if (n === sequence.current) setInterests(next);
      }, onError);
    };
    reload();
    // Another window (the options page, a second popup) or an import elsewhere changed them: follow.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'interests' in changes) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [onError]);

  // Focus goes back where the user was after the list re-renders (a moved row, the undo button, …).
  const controls = useRef(new Map<string, HTMLElement>());
  const focusNext = useRef<string | null>(null);
  const register = useCallback(
    (key: string) => (el: HTMLElement | null) => {
      if (el) controls.current.set(key, el);
      else if (controls.current.get(key)?.isConnected === false) controls.current.delete(key);
    },
    [],
  );
  useEffect(() => {
    const key = focusNext.current;
    if (!key) return;
    const el = controls.current.get(key);
    if (el?.isConnected) {
      focusNext.current = null;
      el.focus();
    }
  });

  const list = interests ?? [];

  const toggle = (interest: Interest, enabled: boolean) => {
    setInterests(list.map((i) => (i.id === interest.id ? { ...i, enabled } : i)));
    void apply(sendMessage('updateInterest', { id: interest.id, patch: { enabled } })).then((next) => {
      if (next) setStatus({ text: i18n.t(enabled ? 'interests.turnedOn' : 'interests.turnedOff', [interest.name]) });
    });
  };

  const move = (from: number, to: number) => {
    const interest = list[from];
    if (!interest || to < 0 || to >= list.length || from === to) return;
    const next = moveItem(list, from, to);
    // A button that the move disables (the first row's ↑) hands focus to its twin.
    const direction = to < from ? 'up' : 'down';
    const edge = direction === 'up' ? to === 0 : to === list.length - 1;
    focusNext.current = `${interest.id}:${edge ? (direction === 'up' ? 'down' : 'up') : direction}`;
    setInterests(next);
    setStatus({ text: i18n.t('interests.moved', [interest.name, String(to + 1), String(list.length)]) });
    void apply(sendMessage('saveInterests', { interests: next }));
  };

  const save = async (interest: Interest, patch: InterestPatch) => {
    const next = await apply(sendMessage('updateInterest', { id: interest.id, patch }));
    if (!next) return;
    focusNext.current = `${interest.id}:edit`;
    setEditing(null);
    setStatus({ text: i18n.t('interests.saved', [patch.name ?? interest.name]) });
  };

  const cancelEdit = (interest: Interest) => {
    focusNext.current = `${interest.id}:edit`;
    setEditing(null);
  };

  const remove = async (interest: Interest, index: number) => {
    const next = await apply(sendMessage('removeInterest', { id: interest.id }));
    if (!next) return;
    if (editing === interest.id) setEditing(null);
    focusNext.current = 'undo';
    setStatus({ text: i18n.t('interests.deleted', [interest.name]), undo: { interest, index } });
  };

  const undo = async ({ interest, index }: { interest: Interest; index: number }) => {
    const next = await apply(sendMessage('saveInterests', { interests: restoreAt(list, interest, index) }));
    if (!next) return;
    focusNext.current = `${interest.id}:delete`;
    setStatus({ text: i18n.t('interests.restored', [interest.name]) });
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (!name) return;
    // The background refuses a query that does not parse; the app's error line says why and where.
    const next = await apply(sendMessage('addInterest', { name }));
    if (!next) return;
    setDraft('');
    setStatus({ text: i18n.t('interests.added', [next[next.length - 1]?.name ?? name]) });
  };

  const addPreset = async (preset: Preset): Promise<boolean> => {
    const wanted = presetInterest(preset);
    const next = await apply(sendMessage('addInterest', wanted));
    if (next) setStatus({ text: i18n.t('interests.added', [wanted.name]) });
    return next !== null;
  };

  const importList = async (next: Interest[]): Promise<boolean> => {
    const saved = await apply(sendMessage('saveInterests', { interests: next }));
    if (saved) setEditing(null);
    return saved !== null;
  };

  const draftBad = draftCheck?.query === draft && !draftCheck.check.ok;
  return (
    <div className="interests-view">
      <div className="interests-main">
        <p role="status" className="interests-status" aria-label={i18n.t('interests.statusLabel')}>
          {status?.text}
          {status?.undo && (
            <>
              {' '}
              <button
                type="button"
                className="link"
                aria-label={i18n.t('interests.undoLabel', [status.undo.interest.name])}
                ref={register('undo')}
                onClick={() => void undo(status.undo!)}
              >
                {i18n.t('interests.undo')}
              </button>
            </>
          )}
        </p>
        {interests === null ? (
          <p className="hint">{i18n.t('app.loading')}</p>
        ) : (
          <>
            {interests.length === 0 && <p className="hint">{i18n.t('interests.empty')}</p>}
            <ul className="interest-list" aria-label={i18n.t('interests.listLabel')}>
              {interests.map((interest, index) => (
                <InterestRow
                  key={interest.id}
                  interest={interest}
                  index={index}
                  count={interests.length}
                  editing={editing === interest.id}
                  tabId={tabId}
                  register={register}
                  onToggle={(enabled) => toggle(interest, enabled)}
                  onMove={move}
                  onEdit={() => setEditing(interest.id)}
                  onSave={(patch) => void save(interest, patch)}
                  onCancel={() => cancelEdit(interest)}
                  onDelete={() => void remove(interest, index)}
                />
              ))}
            </ul>
            <p className="hint">{i18n.t('interests.hint')}</p>
          </>
        )}
      </div>
      <div className="interests-side">
        <section aria-labelledby={`${addId}-heading`}>
          <h2 id={`${addId}-heading`}>{i18n.t('interests.addHeading')}</h2>
          <form className="interest-add" onSubmit={(e) => void add(e)}>
            <label htmlFor={`${addId}-input`}>{i18n.t('interests.addLabel')}</label>
            <div className="interest-add-row">
              <input
                id={`${addId}-input`}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                placeholder={i18n.t('interests.addPlaceholder')}
                maxLength={80}
                spellCheck={false}
                aria-invalid={draftBad}
                aria-describedby={`${addId}-feedback`}
              />
              <button type="submit" className="primary">
                {i18n.t('interests.add')}
              </button>
            </div>
            <QueryFeedback id={`${addId}-feedback`} result={draft.trim() ? draftCheck : null} />
          </form>
        </section>
        <section aria-labelledby={`${addId}-presets`}>
          <h2 id={`${addId}-presets`}>{i18n.t('interests.presetsHeading')}</h2>
          <InterestPresets interests={list} onAdd={addPreset} />
        </section>
        <section aria-labelledby={`${addId}-transfer`}>
          <h2 id={`${addId}-transfer`}>{i18n.t('interests.transferHeading')}</h2>
          <InterestsTransfer interests={list} onImport={importList} />
        </section>
      </div>
    </div>
  );
}
