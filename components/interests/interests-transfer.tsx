import { useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import {
  INTERESTS_FILE_LIMITS,
  InterestsFileError,
  interestsFileName,
  parseInterestsFile,
  planImport,
  toInterestsFile,
  type InterestsFileProblem,
} from '../../lib/interests/file';
import { sendMessage } from '../../lib/messaging/client';
import type { Interest } from '../../lib/schema/interest';
import { downloadText, errorText } from '../../lib/util/ui';

type Mode = 'merge' | 'replace';

/** A refused file, said in words: which file, and what is wrong with it. */
function problemText(file: string, problem: InterestsFileProblem, detail: string): string {
  switch (problem) {
    case 'tooLarge':
      return i18n.t('interests.importError.tooLarge', [file]);
    case 'notJson':
      return i18n.t('interests.importError.notJson', [file]);
    case 'notInterests':
      return i18n.t('interests.importError.notInterests', [file]);
    case 'newer':
      return i18n.t('interests.importError.newer', [file, detail]);
    case 'tooMany':
      return i18n.t('interests.importError.tooMany', [file, detail]);
    case 'invalid':
      return i18n.t('interests.importError.invalid', [file, detail]);
    case 'duplicate':
      return i18n.t('interests.importError.duplicate', [file, detail]);
  }
}

/**
 * Reads a chosen file into interests: the format and every interest validated (zod), then every query
 * parsed by the background. Throws a message for the user; nothing has changed yet.
 */
async function readChosen(file: File): Promise<Interest[]> {
  if (file.size > INTERESTS_FILE_LIMITS.maxBytes) throw new Error(problemText(file.name, 'tooLarge', ''));
  let interests: Interest[];
  try {
    interests = parseInterestsFile(await file.text());
  } catch (e) {
    if (e instanceof InterestsFileError) throw new Error(problemText(file.name, e.problem, e.detail));
    throw e;
  }
  const checks = await Promise.all(interests.map((i) => sendMessage('checkQuery', { query: i.query })));
  const bad = checks.findIndex((c) => !c.ok);
  if (bad >= 0) {
    const check = checks[bad]!;
    const where = i18n.t('interests.queryError', [check.error ?? '', String((check.position ?? 0) + 1)]);
    throw new Error(i18n.t('interests.importError.query', [file.name, interests[bad]!.name, where]));
  }
  return interests;
}

/** Export the interests as a file; import one (merge or replace) after a preview of what it changes. */
export function InterestsTransfer({
  interests,
  onImport,
}: {
  interests: readonly Interest[];
  /** Makes the list exactly `next`; resolves false when that failed (the view has said why). */
  onImport: (next: Interest[]) => Promise<boolean>;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ name: string; interests: Interest[] } | null>(null);
  const [mode, setMode] = useState<Mode>('merge');
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  const exportFile = () => {
    const name = interestsFileName();
    downloadText(toInterestsFile(interests), name, 'application/json');
    setStatus({ error: false, text: i18n.t('interests.exported', interests.length, [String(interests.length), name]) });
  };

  const choose = async (file: File | undefined) => {
    setChosen(null);
    setStatus(null);
    if (!file) return;
    try {
      setChosen({ name: file.name, interests: await readChosen(file) });
    } catch (e) {
      setStatus({ error: true, text: errorText(e) });
      if (input.current) input.current.value = '';
    }
  };

  const reset = () => {
    setChosen(null);
    setMode('merge');
    if (input.current) input.current.value = '';
  };

  const apply = async () => {
    if (!chosen) return;
    const plan = planImport(interests, chosen.interests, mode);
    if (await onImport(plan.next)) {
      setStatus({ error: false, text: i18n.t('interests.imported', [chosen.name, String(plan.next.length)]) });
      reset();
    }
  };

  const plan = chosen ? planImport(interests, chosen.interests, mode) : null;
  return (
    <div className="interests-transfer">
      <div>
        <button type="button" onClick={exportFile}>
          {i18n.t('interests.export')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{i18n.t('interests.importLabel')}</label>
        <input
          id={`${id}-file`}
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${id}-hint`}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <p id={`${id}-hint`} className="hint">
          {i18n.t('interests.importHint')}
        </p>
      </div>
      {chosen && plan && (
        <div className="import-preview">
          <p>
            {i18n.t('interests.importHolds', chosen.interests.length, [String(chosen.interests.length), chosen.name])}
          </p>
          <fieldset>
            <legend>{i18n.t('interests.importHow')}</legend>
            {(['merge', 'replace'] as const).map((m) => (
              <label key={m} className="toggle">
                <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
                {m === 'merge' ? i18n.t('interests.importMerge') : i18n.t('interests.importReplace')}
              </label>
            ))}
          </fieldset>
          <p role="status" data-testid="import-preview">
            {mode === 'merge'
              ? i18n.t('interests.importPreviewMerge', [
                  String(plan.added),
                  String(plan.kept),
                  String(plan.next.length),
                ])
              : i18n.t('interests.importPreviewReplace', [String(plan.next.length), String(plan.removed)])}
          </p>
          <div className="editor-actions">
            <button type="button" className="primary" onClick={() => void apply()}>
              {i18n.t('interests.importApply')}
            </button>
            <button type="button" onClick={reset}>
              {i18n.t('interests.importCancel')}
            </button>
          </div>
        </div>
      )}
      {/* An alert only while there is an error: an empty one would sit beside the app's own error alert. */}
      {status?.error ? (
        <p role="alert" className="interests-error">
          {status.text}
        </p>
      ) : (
        <p role="status" className="hint">
          {status?.text}
        </p>
      )}
    </div>
  );
}
