import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = path.resolve(here, '../screenshots');
const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium: never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe-core in the page; fails on serious or critical violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, not added as an inline <script>: the pages' CSP
  // refuses inline scripts, and the check must see the page as served.
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  const bad = (violations as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (bad.length) {
    const lines = bad.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n'),
    );
    throw new Error(`Accessibility problems on ${name}:\n${lines.join('\n')}`);
  }
}

const SIZES = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;

/**
 * Runs `work` at desktop and at phone size, then gives the page back the size it had: a phone
 * journey stays on a phone.
 */
async function atBothSizes(
  page: Page,
  work: (label: (typeof SIZES)[number][0]) => Promise<void>,
): Promise<void> {
  const original = page.viewportSize();
  try {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(100);
      await work(label);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
}

/** Full-page screenshots at desktop and phone sizes; the page keeps its own size after. */
export async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await atBothSizes(page, (label) =>
    page
      .screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true })
      .then(() => undefined),
  );
}

/**
 * What happens on every page of the journey: the accessibility check and a screenshot at each
 * size (a layout that breaks only on a phone is checked there too).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await atBothSizes(page, async (label) => {
    await expectAccessible(page, `${name} (${label})`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  });
}

const devtools = new WeakMap<Page, CDPSession>();

/** Limits how fast the page uploads (bytes per second; null: no limit), as on a slow line. */
export async function throttleUploads(page: Page, bytesPerSecond: number | null): Promise<void> {
  // One DevTools session per page: conditions set in one session are undone only in that one.
  let cdp = devtools.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    devtools.set(page, cdp);
  }
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: bytesPerSecond === null ? 0 : 20,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
}
