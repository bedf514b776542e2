import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebServer, type WebServer } from '../../electron/web';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  web: WebServer;
  browser: Browser;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

/** Browser mode on a fresh data folder, with headless Debian Chromium at 1366×768 pointed at it. */
export async function openSession(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-e2e-'))): Promise<Session> {
  const web = await startWebServer({ userDataDir: dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  await page.goto(web.url);
  return {
    web,
    browser,
    page,
    dataDir,
    async close() {
      await browser.close();
      await web.close();
      if (problems.length) throw new Error(`Errors in the page:\n${problems.join('\n')}`);
    },
  };
}

/** Saves what a person sees (the 1366×768 viewport) under test-results/ for review. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.resolve('test-results', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}
