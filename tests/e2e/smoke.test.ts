import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('serves the app shell', async () => {
  const page = await browser.newPage();
  await page.goto(inject('baseUrl'));
  await expect(page.locator('h1').textContent()).resolves.toContain('Event map');
  await page.close();
});
