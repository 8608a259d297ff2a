import { z } from 'astro/zod';
import { errorName, sourceIds } from './common.ts';
import { provenanceLevel } from './scenario.ts';

/**
 * The message as a Simplified Chinese system prints it, and how that is known: glibc's zh_CN
 * catalog (documented; tests/data/glibc-zh.test.ts compares it with the machine's libc.mo), or
 * Chinese Windows' FormatMessage() text as real logs show it (reported, each log cited).
 */
export const messageZhSchema = z.strictObject({ text: z.string().min(2), level: provenanceLevel, sources: sourceIds });

/** Fields shared by every error record, whatever its platform. */
const baseError = {
  /** The numeric value (positive, as errno or WSAGetLastError() returns it). */
  number: z.number().int().positive(),
  /** The message the platform prints: glibc strerror() for Linux, Microsoft's short title for Winsock. */
  message: z.string().min(1),
  messageZh: messageZhSchema.optional(),
  /** One line of plain English: what happened, for a reader who does not know the name. */
  meaning: z.string().min(10),
  /** Other errors worth reading next. */
  related: z.array(errorName).default([]),
  /** Extra words people search with (translations such as 连接被重置, colloquial names). */
  searchTerms: z.array(z.string().min(1)).default([]),
  /** Citations, keys into content/sources/*.yaml. */
  sources: sourceIds,
};

/** One circumstance in which Linux returns an errno, as the man pages that list it say. */
export const returnedBySchema = z.strictObject({
  /** The calls whose man page lists it for this condition, as `name(section)`, e.g. `open(2)`; empty when no common call does. */
  calls: z.array(z.string().regex(/^[a-z_][a-z0-9_]*\([0-9]\)$/, 'must name a man page such as open(2)')).default([]),
  /** The condition, in plain words (or, for an errno no common call returns, that fact). */
  when: z.string().min(20),
  /** Citations: the man pages (their ERRORS sections) or the source that says so. */
  sources: sourceIds,
});
export type ReturnedBy = z.infer<typeof returnedBySchema>;

/** One Linux errno, keyed by name in content/errors/linux.yaml. */
export const linuxErrorSchema = z.strictObject({
  ...baseError,
  /** When Linux returns it: which calls, under which condition. Every errno without a guide has it (check `linux-explained`). */
  returnedBy: z.array(returnedBySchema).min(1).optional(),
  /** Other names for the same number (EWOULDBLOCK for EAGAIN); they get redirect pages, not pages of their own. */
  aliases: z.array(errorName).default([]),
  /** Numbers on Linux architectures that do not use the generic table, where they differ. */
  archNumbers: z
    .strictObject({
      alpha: z.number().int().positive().optional(),
      mips: z.number().int().positive().optional(),
      parisc: z.number().int().positive().optional(),
      sparc: z.number().int().positive().optional(),
    })
    .optional(),
});

/** One Windows Sockets error, keyed by name in content/errors/winsock.yaml. */
export const winsockErrorSchema = z.strictObject({
  ...baseError,
  /** Microsoft's longer description, paraphrased (never copied). */
  description: z.string().min(1).optional(),
  /** The POSIX errno with the same meaning, where one exists. */
  posix: errorName.optional(),
});

export type LinuxErrorData = z.infer<typeof linuxErrorSchema>;
export type WinsockErrorData = z.infer<typeof winsockErrorSchema>;

/** One Windows system error (winerror.h) that sockets surface through overlapped I/O, keyed by name in content/errors/windows.yaml. */
export const windowsErrorSchema = z.strictObject({
  ...baseError,
  /** The POSIX errno libuv (and so Node.js) reports it as, e.g. ERROR_NETNAME_DELETED becomes ECONNRESET. */
  posix: errorName.optional(),
});
export type WindowsErrorData = z.infer<typeof windowsErrorSchema>;

/**
 * One resolver error, keyed by name in content/errors/resolver.yaml: a getaddrinfo() return
 * code (EAI_*) as glibc's netdb.h numbers it, or ENOTFOUND, the code Node.js makes up for two
 * of them. getaddrinfo() returns these instead of setting errno, so they are a family of their own.
 */
export const resolverErrorSchema = z.strictObject({
  ...baseError,
  /**
   * glibc's value in netdb.h (negative: -2 for EAI_NONAME). ENOTFOUND is no C constant; it
   * carries the libuv number Node.js puts in err.errno for it most often (UV_EAI_NONAME).
   */
  number: z.number().int().negative(),
  /** Whose text `message` is: glibc's gai_strerror(), or the message Node.js builds (`getaddrinfo ENOTFOUND`). */
  messageFrom: z.enum(['glibc', 'node']).default('glibc'),
  /** The value in macOS's netdb.h (positive there), where macOS defines the code. */
  darwin: z.number().int().positive().optional(),
  /** libuv's UV_EAI_* number, which Node.js puts in err.errno; libuv uses the same number on every OS. */
  uv: z.number().int().negative().optional(),
  /**
   * The err.code Node.js reports: the code's own name, ENOTFOUND for EAI_NONAME and EAI_NODATA,
   * or `errno` where libuv passes on the errno of the system call that failed (EAI_SYSTEM).
   */
  node: z.union([errorName, z.literal('errno')]).optional(),
  /** What getaddrinfo() returns on Windows instead (ws2tcpip.h defines EAI_* as these Winsock codes). */
  winsock: errorName.optional(),
});
export type ResolverErrorData = z.infer<typeof resolverErrorSchema>;

export const errorPlatforms = ['linux', 'winsock', 'windows', 'resolver'] as const;
export type ErrorPlatform = (typeof errorPlatforms)[number];

/** The merged record the site sees, one per error, whatever file it came from. */
export const errorRecordSchema = z.discriminatedUnion('platform', [
  linuxErrorSchema.extend({ platform: z.literal('linux'), name: errorName }),
  winsockErrorSchema.extend({ platform: z.literal('winsock'), name: errorName }),
  windowsErrorSchema.extend({ platform: z.literal('windows'), name: errorName }),
  resolverErrorSchema.extend({ platform: z.literal('resolver'), name: errorName }),
]);
export type ErrorRecord = z.infer<typeof errorRecordSchema>;
