import { AppShell } from './app-shell';

/** The toolbar popup: this tab's papers, the shortlist, interests and settings behind tabs. */
export function PopupApp() {
  return <AppShell />;
}
