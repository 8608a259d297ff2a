// Reads generated/verification.json (written by scripts/verify.ts). Node-only, build time.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verificationSchema, type Verification } from '../schemas/index.ts';

// Resolved from the working directory: pages are bundled before they run, so import.meta.url
// does not point into src/ at that time. Astro and the scripts run from the repository root.
export const verificationPath = resolve('generated', 'verification.json');

/** The verifier's results, or undefined when it has not run (pages then say "not verified"). */
export function readVerification(path = verificationPath): Verification | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = verificationSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: not a verification result (${parsed.error.issues[0]?.message}); rerun npm run verify`);
  return parsed.data;
}
