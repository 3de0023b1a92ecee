import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fixturePage } from '../../fixtures/manifest';
import { launchChromium, openAnnotated, openPopup, type ChromiumSession } from '../support/chromium';
import { readAnnotations, clickNode } from '../support/closed-shadow';
import { HF_DAILY } from '../support/expectations';

// axe-core over every view of the popup and the full view, in light and dark: no serious or critical
// violation (contrast, names, roles, keyboard focusability among them).

let session: ChromiumSession | undefined;
test.afterEach(async () => {
  await session?.context.close();
  session = undefined;
});

const VIEWS = ['This page', 'Shortlist', 'Interests', 'Settings'] as const;

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function checkEveryView(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const view of VIEWS) {
      await page.getByRole('tab', { name: view }).click();
      await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
      await expect(page.getByText('Loading…')).toHaveCount(0);
      expect(await seriousViolations(page), `${view}, ${scheme}`).toEqual([]);
    }
  }
}

/** A session on the HF daily page with its agent paper saved (☆ clicked on the page), so every view has content. */
async function withSavedPaper(): Promise<Page> {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const agent = (await readAnnotations(page)).find((a) => a.id === HF_DAILY.agentPaper.id)!;
  await clickNode(page, agent.buttons.star!);
  await expect.poll(async () => (await readAnnotations(page)).find((a) => a.id === agent.id)?.star).toBe('★');
  return page;
}

test('the popup passes axe in every view, light and dark, with matches and a saved paper', async () => {
  const page = await withSavedPaper();
  const popup = await openPopup(session!, page);
  await checkEveryView(popup);
});

test('the full view passes axe in every view, light and dark', async () => {
  await withSavedPaper();
  const options = await session!.context.newPage();
  await options.goto(`chrome-extension://${session!.extensionId}/options.html`);
  await checkEveryView(options);
});

test('every control of the popup can be reached with Tab and shows where the focus is', async () => {
  session = await launchChromium();
  const hf = fixturePage(HF_DAILY.file);
  const page = await openAnnotated(session.context, hf.url, hf.entries);
  const popup = await openPopup(session, page);
  for (const view of VIEWS) {
    await popup.getByRole('tab', { name: view }).click();
    await expect(popup.getByRole('tabpanel', { name: view })).toBeVisible();
    // Walk the Tab order through the view: every focusable control gets the focus, with a visible outline. A
    // radio group is one stop (arrow keys move inside it).
    const controls = await popup.getByRole('tabpanel', { name: view }).evaluate((panel) => {
      const groups = new Set<string>();
      let count = 0;
      for (const el of Array.from(panel.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]'))) {
        if (el.tabIndex < 0 || (el as HTMLInputElement).disabled || el.getClientRects().length === 0) continue;
        if (el instanceof HTMLInputElement && el.type === 'radio') {
          if (groups.has(el.name)) continue;
          groups.add(el.name);
        }
        count++;
      }
      return count;
    });
    expect(controls, view).toBeGreaterThan(0);
    await popup.getByRole('tab', { name: view }).focus();
    const reached = new Set<number>();
    for (let i = 0; i < Math.min(controls, 40); i++) {
      await popup.keyboard.press('Tab');
      const focus = await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const inPanel = el.closest('[role="tabpanel"]') !== null;
        return {
          index: Array.from(document.querySelectorAll('*')).indexOf(el),
          name: el.outerHTML.slice(0, 80),
          outlined,
          inPanel,
        };
      });
      if (!focus) continue;
      expect(focus.outlined, `${view}: ${focus.name}`).toBe(true);
      if (focus.inPanel) reached.add(focus.index);
    }
    expect(reached.size, view).toBe(Math.min(controls, 40));
  }
});
