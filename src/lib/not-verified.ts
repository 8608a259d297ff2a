import type { ScenarioResult } from '../schemas/index.ts';

/** The result of a scenario that did not run, and why (the verifier skipped it, or never ran). */
export function notVerified(reason: string, fingerprint = ''): ScenarioResult {
  return {
    status: 'not-verified',
    reason,
    runs: 0,
    matched: 0,
    durationMs: 0,
    transcript: '',
    exitCode: null,
    runRecords: [],
    fingerprint,
    runtimes: [],
  };
}
