import { useState } from 'react';
import { AppFrame } from './app-frame';
import { InterestManager } from './interest-manager';
import { RankerToggle } from './ranker-toggle';
import { ShortlistList } from './shortlist-list';
import { ExportControls, ImportControls } from './shortlist-transfer';
import { SiteSwitches } from './site-switches';

/** The full-page view: the shortlist with export and import (file choosers close popups), interests, settings. */
export function OptionsApp() {
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  return (
    <AppFrame wide error={error}>
      <ShortlistList key={generation} onError={setError} />
      <section aria-labelledby="transfer">
        <h2 id="transfer">Export and import</h2>
        <ExportControls />
        <ImportControls onImported={() => setGeneration((g) => g + 1)} />
      </section>
      <InterestManager onError={setError} />
      <section aria-labelledby="settings">
        <h2 id="settings">Settings</h2>
        <SiteSwitches host={null} onError={setError} />
        <RankerToggle onError={setError} />
      </section>
    </AppFrame>
  );
}
