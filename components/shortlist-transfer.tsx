import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../lib/export/index';
import { readImportFile } from '../lib/import/index';
import type { ImportMode } from '../lib/import/preview';
import { sendMessage } from '../lib/messaging/client';
import type { ResponseOf } from '../lib/messaging/protocol';

// The background reads and writes the files' text (lib/export, lib/import): a 10,000-paper file crosses the
// message channel as one string. These controls only pick, preview, confirm and download.

const message = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).replace(/^Paperlight background: (importFile|exportFile): /, '');

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
      const file = await sendMessage('exportFile', { format, includeSeen });
      download(file.text, file.fileName, file.mimeType);
      setStatus({ error: false, text: `Exported ${file.count} papers as ${file.fileName}.` });
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

type Summary = ResponseOf<'importFile'>;
const count = (s: Summary) =>
  `${s.added.length} added, ${s.updated.length} updated, ${s.unchanged.length} unchanged, ${s.removed.length} removed`;

/** Import a backup (merge or replace) or a BibTeX / RIS file (merge), after a preview of what will change. */
export function ImportControls({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [preview, setPreview] = useState<Summary | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

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
      setStatus({ error: true, text: `${chosen.name}: ${message(e)}` });
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
      setStatus({ error: false, text: `Imported ${file.name}: ${count(done)}.` });
      setFile(null);
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
      {file && preview && (
        <div className="preview" aria-label="Import preview">
          {preview.format === 'backup' && (
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
            {file.name}: {count(preview)}.
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
