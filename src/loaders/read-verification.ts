// Reads generated/verification.json (written by scripts/verify.ts). Node-only, build time.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verificationSchema, type Verification } from '../schemas/index.ts';

export const verificationPath = fileURLToPath(new URL('../../generated/verification.json', import.meta.url));

/** The verifier's results, or undefined when it has not run (pages then say "not verified"). */
export function readVerification(path = verificationPath): Verification | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = verificationSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: not a verification result (${parsed.error.issues[0]?.message}); rerun npm run verify`);
  return parsed.data;
}
