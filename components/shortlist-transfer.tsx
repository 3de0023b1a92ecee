import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { EXPORT_FORMATS, type ExportFormat } from '../lib/export/formats';
import { readImportFile } from '../lib/import/index';
import type { ImportMode } from '../lib/import/preview';
import { sendMessage } from '../lib/messaging/client';
import type { ResponseOf } from '../lib/messaging/protocol';
import { downloadText, errorText } from '../lib/util/ui';

// The background reads and writes the files' text (lib/export, lib/import): a 10,000-paper file crosses the
// message channel as one string. These controls only pick, preview, confirm and download.

const FORMAT_LABELS: Record<ExportFormat, string> = {
  bibtex: i18n.t('shortlist.format.bibtex'),
  ris: i18n.t('shortlist.format.ris'),
  'csl-json': i18n.t('shortlist.format.cslJson'),
  csv: i18n.t('shortlist.format.csv'),
  markdown: i18n.t('shortlist.format.markdown'),
  backup: i18n.t('shortlist.format.backup'),
};

const count = (n: number) => n.toLocaleString();

/**
 * Export the shortlist, or only the selected papers when there is a selection: a citation format, a reading list,
 * or the full backup (always everything). `total`: how many papers are saved, for the line saying what goes out.
 */
export function ExportControls({ selectedIds, total }: { selectedIds?: readonly string[]; total?: number }) {
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [includeSeen, setIncludeSeen] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const scopeId = useId();
  const selection = selectedIds && selectedIds.length > 0 && format !== 'backup' ? selectedIds : undefined;
  const scope =
    format === 'backup'
      ? i18n.t('shortlist.exportBackupScope')
      : selection
        ? i18n.t('shortlist.exportSelected', selection.length, [count(selection.length)])
        : total !== undefined
          ? i18n.t('shortlist.exportAll', total, [count(total)])
          : null;

  async function run() {
    try {
      const file = await sendMessage('exportFile', {
        format,
        includeSeen,
        ...(selection ? { ids: [...selection] } : {}),
      });
      downloadText(file.text, file.fileName, file.mimeType);
      setStatus({ error: false, text: i18n.t('shortlist.exported', file.count, [count(file.count), file.fileName]) });
    } catch (e) {
      setStatus({ error: true, text: i18n.t('shortlist.exportFailed', [errorText(e)]) });
    }
  }

  return (
    <div className="transfer sl-export">
      <div className="sl-export-row">
        <label>
          {i18n.t('shortlist.exportAs')}{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {Object.keys(EXPORT_FORMATS).map((id) => (
              <option key={id} value={id}>
                {FORMAT_LABELS[id as ExportFormat]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-describedby={scope ? scopeId : undefined} onClick={() => void run()}>
          {i18n.t('shortlist.export')}
        </button>
        {scope && (
          <span id={scopeId} className="muted">
            {scope}
          </span>
        )}
      </div>
      {format === 'backup' && (
        <label className="toggle">
          <input type="checkbox" checked={includeSeen} onChange={(e) => setIncludeSeen(e.target.checked)} />
          {i18n.t('shortlist.includeSeen')}
        </label>
      )}
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </div>
  );
}

type Summary = ResponseOf<'importFile'>;
const counts = (s: Summary) =>
  i18n.t('shortlist.importCounts', [
    count(s.added.length),
    count(s.updated.length),
    count(s.unchanged.length),
    count(s.removed.length),
  ]);

/** Import a backup (merge or replace) or a BibTeX / RIS file (merge), after a preview of what will change. */
export function ImportControls({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [preview, setPreview] = useState<Summary | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const modeName = useId();

  const request = (f: { name: string; text: string }, m: ImportMode, dryRun: boolean) =>
    sendMessage('importFile', { text: f.text, fileName: f.name, mode: m, dryRun });

  async function choose(chosen: File | undefined) {
    setFile(null);
    setPreview(null);
    setStatus(null);
    if (!chosen) return;
    try {
      const f = { name: chosen.name, text: await readImportFile(chosen) };
      setPreview(await request(f, mode, true));
      setFile(f);
    } catch (e) {
      setStatus({ error: true, text: i18n.t('shortlist.importFileFailed', [chosen.name, errorText(e)]) });
    }
  }

  async function changeMode(m: ImportMode) {
    setMode(m);
    if (file) setPreview(await request(file, m, true).catch(() => null));
  }

  async function apply() {
    if (!file) return;
    try {
      const done = await request(file, mode, false);
      setStatus({ error: false, text: i18n.t('shortlist.imported', [file.name, counts(done)]) });
      setFile(null);
      setPreview(null);
      onImported();
    } catch (e) {
      setStatus({ error: true, text: i18n.t('shortlist.importFailed', [errorText(e)]) });
    }
  }

  return (
    <div className="transfer">
      <label>
        {i18n.t('shortlist.importLabel')}{' '}
        <input
          type="file"
          accept=".json,.bib,.bibtex,.ris,application/json"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {file && preview && (
        <div className="preview" role="group" aria-label={i18n.t('shortlist.importPreview')}>
          {preview.format === 'backup' && (
            <fieldset>
              <legend>{i18n.t('shortlist.importHow')}</legend>
              <label>
                <input
                  type="radio"
                  name={modeName}
                  checked={mode === 'merge'}
                  onChange={() => void changeMode('merge')}
                />
                {i18n.t('shortlist.importMerge')}
              </label>
              <label>
                <input
                  type="radio"
                  name={modeName}
                  checked={mode === 'replace'}
                  onChange={() => void changeMode('replace')}
                />
                {i18n.t('shortlist.importReplace')}
              </label>
            </fieldset>
          )}
          <p role="status">{i18n.t('shortlist.importSummary', [file.name, counts(preview)])}</p>
          <button type="button" onClick={() => void apply()}>
            {i18n.t('shortlist.import')}
          </button>
        </div>
      )}
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
