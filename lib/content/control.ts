import type { SiteView, ViewMode } from '../schema/settings';
import { STRINGS } from './strings';
import { CONTROL_CSS, styleShadow } from './styles';

export const CONTROL_TAG = 'paperlight-control';

export interface ControlActions {
  change(view: SiteView): void;
  next(): void;
  previous(): void;
  turnOffSite(): void;
}

const VIEWS: ViewMode[] = ['original', 'matches-first', 'matches-only'];

function button(text: string, label?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (label) {
    b.setAttribute('aria-label', label);
    b.title = label;
  }
  return b;
}

/**
 * The small floating control: counts, the view toggle, "dim the rest", next/previous match, help. It lives in
 * its own closed shadow root, fixed in a corner, and remembers (through `change`) its state per site.
 */
export class FloatingControl {
  readonly host = document.createElement(CONTROL_TAG);
  private readonly counts = document.createElement('span');
  private readonly body = document.createElement('div');
  private readonly collapse = button('▾', STRINGS.collapse);
  private readonly views = new Map<ViewMode, HTMLButtonElement>();
  private readonly dim = document.createElement('input');
  private readonly help = document.createElement('dl');
  private readonly helpNote = document.createElement('p');
  private state: SiteView;

  constructor(
    initial: SiteView,
    private readonly actions: ControlActions,
    private shortcuts: boolean,
  ) {
    this.state = initial;
    const shadow = this.host.attachShadow({ mode: 'closed' });
    styleShadow(shadow, CONTROL_CSS);
    const box = document.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', STRINGS.brand);
    const head = document.createElement('div');
    head.className = 'head';
    const brand = document.createElement('span');
    brand.className = 'brand';
    brand.textContent = STRINGS.brand;
    this.counts.className = 'counts';
    this.counts.setAttribute('role', 'status');
    this.collapse.className = 'toggle';
    this.collapse.addEventListener('click', () => this.set({ collapsed: !this.state.collapsed }));
    head.append(brand, this.counts, this.collapse);

    this.body.className = 'body';
    const seg = document.createElement('div');
    seg.className = 'seg';
    seg.setAttribute('role', 'group');
    seg.setAttribute('aria-label', STRINGS.viewGroup);
    for (const mode of VIEWS) {
      const b = button(STRINGS.views[mode]);
      b.addEventListener('click', () => this.set({ view: mode }));
      this.views.set(mode, b);
      seg.append(b);
    }
    const dimLabel = document.createElement('label');
    this.dim.type = 'checkbox';
    this.dim.addEventListener('change', () => this.set({ dim: this.dim.checked }));
    dimLabel.append(this.dim, STRINGS.dim);
    const nav = document.createElement('div');
    nav.className = 'nav';
    const prev = button(`↑ ${STRINGS.previous}`);
    const next = button(`↓ ${STRINGS.next}`);
    prev.addEventListener('click', () => actions.previous());
    next.addEventListener('click', () => actions.next());
    nav.append(prev, next);
    const foot = document.createElement('div');
    foot.className = 'foot';
    const helpButton = button('?', STRINGS.help);
    helpButton.addEventListener('click', () => this.toggleHelp());
    const off = button(STRINGS.siteOff);
    off.addEventListener('click', () => actions.turnOffSite());
    foot.append(helpButton, off);
    this.help.className = 'help';
    this.help.hidden = true;
    this.help.setAttribute('aria-label', STRINGS.help);
    for (const [key, what] of STRINGS.shortcuts) {
      const dt = document.createElement('dt');
      dt.textContent = key;
      const dd = document.createElement('dd');
      dd.textContent = what;
      this.help.append(dt, dd);
    }
    this.helpNote.textContent = STRINGS.shortcutsOff;
    this.body.append(seg, dimLabel, nav, foot, this.help);
    box.append(head, this.body);
    shadow.append(box);
    this.draw();
  }

  mount(): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  unmount(): void {
    this.host.remove();
  }

  setCounts(matches: number, total: number): void {
    this.counts.textContent = STRINGS.counts(matches, total);
  }

  setShortcuts(on: boolean): void {
    this.shortcuts = on;
    this.draw();
  }

  get view(): SiteView {
    return this.state;
  }

  /** Changes the state (from a click, a key, or another tab's change) and redraws. */
  set(patch: Partial<SiteView>, notify = true): void {
    this.state = { ...this.state, ...patch };
    this.draw();
    if (notify) this.actions.change(this.state);
  }

  /** The next view: original → matches first → matches only → original. */
  cycleView(): void {
    this.set({ view: VIEWS[(VIEWS.indexOf(this.state.view) + 1) % VIEWS.length]! });
  }

  toggleHelp(): void {
    this.help.hidden = !this.help.hidden;
    if (!this.help.hidden && this.state.collapsed) this.set({ collapsed: false });
  }

  private draw(): void {
    this.body.hidden = this.state.collapsed;
    this.collapse.textContent = this.state.collapsed ? '▸' : '▾';
    const label = this.state.collapsed ? STRINGS.expand : STRINGS.collapse;
    this.collapse.setAttribute('aria-label', label);
    this.collapse.title = label;
    this.collapse.setAttribute('aria-expanded', String(!this.state.collapsed));
    for (const [mode, b] of this.views) b.setAttribute('aria-pressed', String(mode === this.state.view));
    this.dim.checked = this.state.dim;
    if (this.shortcuts) this.helpNote.remove();
    else this.help.append(this.helpNote);
  }
}
