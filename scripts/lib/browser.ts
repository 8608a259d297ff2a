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
  const executablePath = await sparticuz.executablePath();
  // Test files run in parallel workers and each unpacks the binary to the same /tmp path: a
  // launch may find it still being written (ETXTBSY). Retry a bounded number of times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await playwright.launch({ executablePath, args: [...sparticuz.args, ...quiet], headless: true });
    } catch (err) {
      if (attempt >= 20 || !String(err).includes('ETXTBSY')) throw err;
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }
}
