// Operating systems as their owners write them, for text a reader sees ("macOS", not "darwin").
export const osNames: Record<string, string> = { linux: 'Linux', darwin: 'macOS', windows: 'Windows', freebsd: 'FreeBSD' };

/** "macOS" for "darwin"; an unknown value is returned as is. */
export const osName = (platform: string): string => osNames[platform] ?? platform;

/**
 * Who prints a log line, and where: "curl, Linux", or "Windows" alone where the program
 * already names the platform (never "Windows, windows").
 */
export function attribution(m: { program: string; platform: string }): string {
  if (m.platform === 'any') return m.program;
  const os = osName(m.platform);
  return m.program.toLowerCase().includes(os.toLowerCase()) ? m.program : `${m.program}, ${os}`;
}
