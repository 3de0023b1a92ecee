import { useState } from 'react';
import { EXPORT_FORMATS, exportShortlist, fileName, type ExportFormat } from '../lib/export/index';
import { toBackupJson } from '../lib/export/backup';
import { parseImport, readImportFile, type ParsedImport } from '../lib/import/index';
import type { ImportMode, ImportSummary } from '../lib/import/preview';
import { sendMessage } from '../lib/messaging/client';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Starts a download of `text` as `name` (an anchor with `download`: no permission needed). */
function download(text: string, name: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export the whole shortlist: a citation format, a reading list, or the full backup. */
export function ExportControls() {
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [includeSeen, setIncludeSeen] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  async function run() {
    try {
      const data = await sendMessage('exportData', { includeSeen: format === 'backup' && includeSeen });
      const now = new Date();
      const text = format === 'backup' ? toBackupJson(data, now) : exportShortlist(format, data.shortlist, now);
      download(text, fileName(format, now), EXPORT_FORMATS[format].mimeType);
      setStatus({ error: false, text: `Exported ${data.shortlist.length} papers as ${fileName(format, now)}.` });
    } catch (e) {
      setStatus({ error: true, text: `Nothing was exported: ${message(e)}` });
    }
  }

  return (
    <div className="transfer">
      <label>
        Export as{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {Object.entries(EXPORT_FORMATS).map(([id, f]) => (
            <option key={id} value={id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      {format === 'backup' && (
        <label className="toggle">
          <input type="checkbox" checked={includeSeen} onChange={(e) => setIncludeSeen(e.target.checked)} />
          Include the history of papers seen
        </label>
      )}
      <button type="button" onClick={() => void run()}>
        Export
      </button>
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </div>
  );
}

const count = (s: ImportSummary) =>
  `${s.added.length} added, ${s.updated.length} updated, ${s.unchanged.length} unchanged, ${s.removed.length} removed`;

/** Import a backup (merge or replace) or a BibTeX / RIS file (merge), after a preview of what will change. */
export function ImportControls({ onImported }: { onImported: () => void }) {
  const [parsed, setParsed] = useState<{ file: string; data: ParsedImport } | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  const request = (data: ParsedImport, m: ImportMode, dryRun: boolean) =>
    sendMessage('importData', {
      shortlist: data.shortlist,
      ...(data.format === 'backup'
        ? {
            feedback: data.backup.feedback,
            interests: data.backup.interests,
            settings: data.backup.settings,
            ...(data.backup.seen ? { seen: data.backup.seen } : {}),
          }
        : {}),
      mode: m,
      dryRun,
    });

  async function choose(file: File | undefined) {
    setParsed(null);
    setPreview(null);
    setStatus(null);
    if (!file) return;
    try {
      const data = parseImport(await readImportFile(file), file.name);
      const m: ImportMode = data.format === 'backup' ? mode : 'merge';
      setParsed({ file: file.name, data });
      setMode(m);
      setPreview(await request(data, m, true));
    } catch (e) {
      setStatus({ error: true, text: `${file.name}: ${message(e)}` });
    }
  }

  async function changeMode(m: ImportMode) {
    setMode(m);
    if (parsed) setPreview(await request(parsed.data, m, true).catch(() => null));
  }

  async function apply() {
    if (!parsed) return;
    try {
      const done = await request(parsed.data, mode, false);
      setStatus({ error: false, text: `Imported ${parsed.file}: ${count(done)}.` });
      setParsed(null);
      setPreview(null);
      onImported();
    } catch (e) {
      setStatus({ error: true, text: `Nothing was imported: ${message(e)}` });
    }
  }

  return (
    <div className="transfer">
      <label>
        Import a file (Paperlight backup, BibTeX or RIS){' '}
        <input
          type="file"
          accept=".json,.bib,.bibtex,.ris,application/json"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {parsed && preview && (
        <div className="preview" aria-label="Import preview">
          {parsed.data.format === 'backup' && (
            <fieldset>
              <legend>How</legend>
              <label>
                <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => void changeMode('merge')} />
                Merge into my shortlist
              </label>
              <label>
                <input
                  type="radio"
                  name="mode"
                  checked={mode === 'replace'}
                  onChange={() => void changeMode('replace')}
                />
                Replace my shortlist, interests and settings with the backup’s
              </label>
            </fieldset>
          )}
          <p role="status">
            {parsed.file}: {count(preview)}.
          </p>
          <button type="button" onClick={() => void apply()}>
            Import
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
