// Builds the cross-platform table shown on every error page and on /compare/.
import type { ErrorRecord, Equivalents } from '../schemas/index.ts';
import { errorUrl } from './urls.ts';

export interface EquivalentRow {
  /** Platform or language, e.g. "macOS / BSD", "Python". */
  label: string;
  /** What that platform reports; undefined when it has no equivalent. */
  value?: string;
  href?: string;
}

/** The Linux errno an error corresponds to: itself, or a Winsock/Windows error's POSIX mapping. */
export function linuxCounterpart(error: ErrorRecord, byName: ReadonlyMap<string, ErrorRecord>): ErrorRecord | undefined {
  if (error.platform === 'linux') return error;
  const posix = error.posix ? byName.get(error.posix) : undefined;
  return posix?.platform === 'linux' ? posix : undefined;
}

/** Windows system errors that libuv (and so Node.js) reports as the errno `linuxName`. */
export function windowsErrorsFor(linuxName: string, byName: ReadonlyMap<string, ErrorRecord>): ErrorRecord[] {
  return [...byName.values()].filter((e) => e.platform === 'windows' && e.posix === linuxName);
}

/** Rows of the "same error across platforms" table; rows without a value read "no equivalent". */
export function equivalentRows(
  error: ErrorRecord,
  byName: ReadonlyMap<string, ErrorRecord>,
  platforms: Readonly<Record<string, Equivalents>>,
): EquivalentRow[] {
  const linux = linuxCounterpart(error, byName);
  const eq = linux ? platforms[linux.name] : undefined;
  const winsockName = error.platform === 'winsock' ? error.name : eq?.winsock;
  const winsock = winsockName ? byName.get(winsockName) : undefined;
  const windows = linux ? windowsErrorsFor(linux.name, byName) : [];
  if (error.platform === 'windows' && !windows.some((w) => w.name === error.name)) windows.unshift(error);
  const link = (e: ErrorRecord | undefined) => (e ? errorUrl(e.platform, e.name) : undefined);
  return [
    { label: 'Linux', value: linux ? `${linux.name} (${linux.number})` : undefined, href: link(linux) },
    { label: 'macOS', value: eq?.darwin !== undefined ? `${linux?.name} (${eq.darwin})` : undefined },
    { label: 'FreeBSD', value: eq?.freebsd !== undefined ? `${linux?.name} (${eq.freebsd})` : undefined },
    { label: 'Winsock', value: winsock ? `${winsock.name} (${winsock.number})` : undefined, href: link(winsock) },
    {
      label: 'Windows system errors',
      value: windows.length ? windows.map((w) => `${w.name} (${w.number})`).join(', ') : undefined,
      href: windows.length === 1 ? link(windows[0]) : undefined,
    },
    {
      label: 'Node.js err.code',
      value: eq?.node
        ? `${eq.node.code}${eq.node.uvLinux !== undefined ? `, errno ${eq.node.uvLinux} on Linux` : ''}${eq.node.uvWindows !== undefined ? `, ${eq.node.uvWindows} on Windows` : ''}`
        : undefined,
    },
    { label: 'Python', value: eq?.python },
    { label: 'Java', value: eq?.java },
    { label: 'Go', value: eq?.go },
    { label: 'Rust', value: eq?.rust },
    { label: '.NET', value: eq?.dotnet },
  ];
}
