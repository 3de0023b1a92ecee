// Styles of the closed shadow roots. `all: initial` keeps the site's CSS out; `color: inherit` keeps our text
// readable on the site's light or dark theme; tints mix with transparent so they work on both.

export const ANNOTATION_CSS = `
/* A fixed-size, fully contained box: what changes inside never makes the site lay its page out again. */
:host { all: initial; display: block; position: relative; color: inherit; height: 28px; contain: strict; }
.row { display: flex; flex-wrap: nowrap; align-items: center; gap: 6px; height: 22px; margin: 2px 0 4px;
  padding: 0 6px 0 4px; overflow: hidden; border-left: 4px solid transparent; border-radius: 3px;
  font: 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: inherit; box-sizing: border-box; }
.row.match { border-left-color: var(--tag);
  background: color-mix(in srgb, var(--tag) calc(var(--strength) * 1%), transparent); }
/* Settings → highlight style: the bar alone, or an outline in the tag's colour instead of bar and tint. */
.row.match.style-bar { background: none; }
.row.match.style-outline { background: none; border-left-color: transparent; box-shadow: inset 0 0 0 2px var(--tag); }
.row.focused { outline: 2px solid var(--tag, Highlight); outline-offset: -2px; }
.row.flash { animation: flash 0.9s ease-out; }
@keyframes flash { from { box-shadow: inset 0 0 0 4px color-mix(in srgb, var(--tag, Highlight) 60%, transparent); } }
button { all: unset; cursor: pointer; border-radius: 3px; padding: 0 4px; line-height: 20px; color: inherit;
  font: inherit; }
button:focus-visible { outline: 2px solid Highlight; outline-offset: 1px; }
button:hover { background: color-mix(in srgb, currentColor 12%, transparent); }
.star { font-size: 15px; }
.star[aria-pressed="true"] { color: #b45309; }
.chip { padding: 0 7px; border-radius: 999px; background: var(--chip); color: var(--chip-fg, #fff); font-weight: 600;
  white-space: nowrap; max-width: 16em; overflow: hidden; text-overflow: ellipsis; }
.badge { padding: 0 6px; border-radius: 3px; border: 1px solid currentColor; opacity: 0.75; font-size: 11px;
  line-height: 16px; }
.badge.fresh { color: #047857; }
@media (prefers-color-scheme: dark) { .badge.fresh { color: #34d399; } }
.chips { display: contents; }
.tail { display: flex; align-items: center; gap: 6px; margin-left: auto; }
.score { font-variant-numeric: tabular-nums; opacity: 0.8; white-space: nowrap; }
.thumb { opacity: 0.55; display: inline-flex; align-items: center; height: 20px; }
.thumb[aria-pressed="true"] { opacity: 1; background: color-mix(in srgb, currentColor 14%, transparent); }
[hidden] { display: none !important; }
.panel { margin: 0; padding: 10px 12px; max-width: min(28em, 90vw); border: 1px solid #8884; border-radius: 6px;
  background: var(--panel-bg); color: var(--panel-fg); box-shadow: 0 6px 24px #0004;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; position: fixed; inset: auto; }
.panel h2 { all: unset; display: block; font-weight: 600; margin-bottom: 4px; }
.panel ul { margin: 4px 0 0; padding-left: 18px; }
.panel .tag { font-weight: 600; color: var(--chip); }
`;

export const CONTROL_CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; --bg: #ffffff; --fg: #111827; }
@media (prefers-color-scheme: dark) { :host { --bg: #1f2937; --fg: #f3f4f6; } }
.box { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
  border: 1px solid #8885; border-radius: 8px; box-shadow: 0 4px 18px #0003; padding: 8px 10px; min-width: 15em; }
.head { display: flex; align-items: center; gap: 8px; }
.brand { font-weight: 700; }
.counts { font-variant-numeric: tabular-nums; }
.body { margin-top: 8px; display: grid; gap: 6px; }
.seg { display: flex; border: 1px solid #8886; border-radius: 6px; overflow: hidden; }
.seg button { flex: 1; text-align: center; padding: 2px 6px; border-radius: 0; }
.seg button[aria-pressed="true"] { background: #6d28d9; color: #fff; }
.nav { display: flex; gap: 6px; }
button { all: unset; cursor: pointer; border-radius: 4px; padding: 2px 6px; color: inherit; font: inherit; }
button:focus-visible, input:focus-visible { outline: 2px solid #6d28d9; outline-offset: 1px; }
button:hover { background: color-mix(in srgb, currentColor 12%, transparent); }
.nav button, .foot button { border: 1px solid #8886; }
.toggle { margin-left: auto; }
label { display: flex; gap: 6px; align-items: center; cursor: pointer; }
.help { margin: 0; padding: 6px 0 0; border-top: 1px solid #8884; }
.help dt { font-family: ui-monospace, monospace; font-weight: 700; float: left; width: 1.6em; }
.help dd { margin: 0 0 2px 2em; }
.foot { display: flex; justify-content: space-between; gap: 6px; }
[hidden] { display: none !important; }
`;

const sheets = new Map<string, CSSStyleSheet | null>();

/** Gives a shadow root its styles: one shared constructed sheet when the browser allows, else a `<style>`. */
export function styleShadow(shadow: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  if (sheet) {
    try {
      // Thousands of hosts share one parsed sheet instead of parsing a <style> each.
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Firefox content scripts may refuse a sheet made in their own compartment: fall back below.
      sheets.set(css, null);
    }
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
