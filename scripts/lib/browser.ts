// Launches headless Chromium for tests and benchmarks: CHROME_PATH when set, otherwise the
// binary the @sparticuz/chromium devDependency unpacks (so `npm ci` brings everything).
import { chromium as playwright, type Browser } from 'playwright-core';

// Flags that keep Chromium from calling any other host (updates, sync, metrics).
const quiet = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
];

export async function launchBrowser(): Promise<Browser> {
  if (process.env.CHROME_PATH) {
    return playwright.launch({ executablePath: process.env.CHROME_PATH, args: ['--no-sandbox', ...quiet] });
  }
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return playwright.launch({ executablePath: await sparticuz.executablePath(), args: [...sparticuz.args, ...quiet], headless: true });
}
