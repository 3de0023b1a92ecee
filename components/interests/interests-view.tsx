import { InterestManager } from '../interest-manager';

/** The interest manager view (placeholder until the full editor lands). */
export function InterestsView({ onError }: { tabId: number | null; onError: (e: unknown) => void }) {
  return <InterestManager onError={(m) => onError(new Error(m))} />;
}
