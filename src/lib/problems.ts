/** One thing wrong with the content, located precisely enough to fix without searching. */
export interface Problem {
  /** Path of the offending file, relative to the repository root. */
  file: string;
  /** Dotted path of the field inside the file (`ECONNRESET.number`, `expect.linux.lines`), or '' for the whole file. */
  field: string;
  message: string;
}

/** `content/errors/linux.yaml: ECONNRESET.number: expected a number` */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/** Thrown when content cannot be used; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} content problem(s):\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Turns Zod issues into problems for one file, prefixing each path with `prefix` (the record key). */
export function problemsFromIssues(
  file: string,
  prefix: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; issues?: ReadonlyArray<{ message: string }> }>,
): Problem[] {
  return issues.map((issue) => ({
    file,
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    // A bad record key ("Invalid key in record") carries the key schema's own message inside.
    message: issue.issues?.length ? `${issue.message}: ${issue.issues.map((i) => i.message).join('; ')}` : issue.message,
  }));
}
