import type { ReactNode } from 'react';

/** The frame of the popup and the full view: the title, the last error, then the page's sections. */
export function AppFrame({
  wide = false,
  error,
  children,
}: {
  wide?: boolean;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <main className={wide ? 'popup options' : 'popup'}>
      <header>
        <h1>Paperlight</h1>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {children}
    </main>
  );
}
