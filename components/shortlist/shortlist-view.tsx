import { ExportControls, ImportControls } from '../shortlist-transfer';
import { ShortlistList } from '../shortlist-list';

/** The shortlist view (placeholder until the full view lands): the list, export, and import at full width. */
export function ShortlistView({ wide, onError }: { wide: boolean; onError: (e: unknown) => void }) {
  return (
    <>
      <ShortlistList onError={(m) => onError(new Error(m))} />
      <ExportControls />
      {wide && <ImportControls onImported={() => location.reload()} />}
    </>
  );
}
