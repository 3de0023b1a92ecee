import { AppShell } from './app-shell';

/** The full-page view: the popup's views at full width (file choosers for import close popups). */
export function OptionsApp() {
  return <AppShell wide />;
}
