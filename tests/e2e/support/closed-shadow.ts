import type { CDPSession, Page } from '@playwright/test';

// Paperlight's annotations live in closed shadow roots, which no page script (nor Playwright's locators) can
// enter. The DevTools Protocol's DOM domain can (`pierce: true`): the tests read and click what the user sees
// through it, from outside the page.

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const sessions = new WeakMap<Page, CDPSession>();
async function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function attr(node: DomNode, name: string): string | undefined {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const s of node.shadowRoots ?? []) yield* walk(s);
  for (const c of node.children ?? []) yield* walk(c);
}

/** The text a user sees in a subtree: elements with `hidden` (or inside one) and style sheets left out. */
function visibleText(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeType === 1 && (attr(node, 'hidden') !== undefined || /^(STYLE|SCRIPT)$/.test(node.nodeName))) return '';
  const inner = [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(visibleText).join('');
  // Block elements and the row's items read as separate words.
  return /^(LI|DIV|H2|P|UL|BUTTON|SPAN)$/.test(node.nodeName) && !/chip|tag/.test(attr(node, 'class') ?? '')
    ? ` ${inner} `
    : inner;
}

/** One entry's annotation as the user sees it. */
export interface SeenAnnotation {
  id: string;
  chips: string[];
  star: string;
  badges: string[];
  score: string;
  text: string;
  /** The keyboard's (or the popup's) current entry: its row is outlined. */
  focused: boolean;
  /** Backend node ids of its buttons, by class (star, why, up, down) for `clickNode`. */
  buttons: Record<string, number>;
}

async function documentTree(page: Page): Promise<DomNode> {
  const { root } = (await (await cdp(page)).send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  return root;
}

/** Every annotated entry's annotation, read through the closed shadow roots, in page order. */
export async function readAnnotations(page: Page): Promise<SeenAnnotation[]> {
  const out: SeenAnnotation[] = [];
  for (const node of walk(await documentTree(page))) {
    const id = node.nodeType === 1 ? attr(node, 'data-paperlight-entry') : undefined;
    if (!id) continue;
    const host = [...walk(node)].find((n) => n.nodeName === 'PAPERLIGHT-ANNOTATION');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) continue;
    const all = [...walk(shadow)];
    const byClass = (c: string) =>
      all.filter((n) => n.nodeType === 1 && (attr(n, 'class') ?? '').split(' ').includes(c));
    const shown = (n: DomNode) => visibleText(n).trim();
    const buttons: Record<string, number> = {};
    for (const n of all) {
      if (n.nodeName === 'BUTTON') buttons[(attr(n, 'class') ?? '').split(' ').pop()!] = n.backendNodeId;
    }
    out.push({
      id,
      chips: byClass('chip').map(shown),
      star: shown(byClass('star')[0]!),
      badges: byClass('badge').map(shown).filter(Boolean),
      score: byClass('score').map(shown).join(''),
      text: visibleText(shadow).replace(/\s+/g, ' ').trim(),
      focused: byClass('row').some((row) => (attr(row, 'class') ?? '').split(' ').includes('focused')),
      buttons,
    });
  }
  return out;
}

/** The floating control's buttons and text, read through its closed shadow root. */
export async function readControl(page: Page): Promise<{ text: string; buttons: Map<string, number> } | null> {
  const host = [...walk(await documentTree(page))].find((n) => n.nodeName === 'PAPERLIGHT-CONTROL');
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  const buttons = new Map<string, number>();
  for (const n of walk(shadow)) {
    if (n.nodeName === 'BUTTON' || (n.nodeName === 'INPUT' && attr(n, 'type') === 'checkbox')) {
      const label = attr(n, 'aria-label') ?? visibleText(n).trim();
      buttons.set(n.nodeName === 'INPUT' ? 'checkbox' : label, n.backendNodeId);
    }
  }
  return { text: visibleText(shadow).replace(/\s+/g, ' ').trim(), buttons };
}

/** Clicks an element like a user: scrolled into view, a real mouse click at its centre. */
export async function clickNode(page: Page, backendNodeId: number): Promise<void> {
  const session = await cdp(page);
  await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
  // Annotations off screen are not rendered (content-visibility: auto) until a frame after they come into view.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { model } = (await session.send('DOM.getBoxModel', { backendNodeId })) as { model: { content: number[] } };
  const q = model.content;
  const x = (q[0]! + q[2]! + q[4]! + q[6]!) / 4;
  const y = (q[1]! + q[3]! + q[5]! + q[7]!) / 4;
  await page.mouse.click(x, y);
}
