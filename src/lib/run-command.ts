// What the "Run it yourself" section says about running a snippet by hand: whether it needs
// root, and the exit status of a run that skipped for lack of it.

/** The exit status a snippet uses when it skips its scenario (not root): the status test suites use for "skipped". */
export const SKIP_EXIT_STATUS = 77;

export interface RunNeeds {
  /** The scenario declares `requires: [root]`. */
  root: boolean;
  /** The exit status of a run that skipped for lack of root, when the snippet skips rather than run differently. */
  skipStatus?: number;
}

export function runNeeds(requires: readonly string[], snippetSource: string): RunNeeds {
  const root = requires.includes('root');
  const skips =
    new RegExp(`process\\.exit(?:Code\\s*=\\s*|\\()${SKIP_EXIT_STATUS}\\b`).test(snippetSource) && /\bskipped\b/.test(snippetSource);
  return root && skips ? { root, skipStatus: SKIP_EXIT_STATUS } : { root };
}
