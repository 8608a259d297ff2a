import { z } from 'astro/zod';
import { errorName, sourceIds } from './common.ts';

/**
 * How one error shows up across operating systems and languages, keyed by its Linux name
 * in content/errors/platforms.yaml. A field left out means the platform has no equivalent,
 * and the page says so. Windows system errors are not listed here: each one in
 * content/errors/windows.yaml names its errno (`posix`), and the tables derive from that.
 */
export const equivalentsSchema = z.strictObject({
  /** errno number on macOS (XNU sys/errno.h). */
  darwin: z.number().int().positive().optional(),
  /** errno number on FreeBSD (sys/sys/errno.h). */
  freebsd: z.number().int().positive().optional(),
  /** The Winsock error with the same meaning. */
  winsock: errorName.optional(),
  /** What Node.js reports: err.code and libuv's negative errno on each OS. */
  node: z
    .strictObject({
      code: z.string().min(1),
      uvLinux: z.number().int().negative().optional(),
      uvWindows: z.number().int().negative().optional(),
    })
    .optional(),
  /** Python exception class raised for it (builtin OSError subclasses). */
  python: z.string().min(1).optional(),
  /** How Java reports it (exception class and typical message). */
  java: z.string().min(1).optional(),
  /** Go's spelling (syscall / errors.Is target). */
  go: z.string().min(1).optional(),
  /** Rust std::io::ErrorKind variant. */
  rust: z.string().min(1).optional(),
  /** .NET System.Net.Sockets.SocketError member. */
  dotnet: z.string().min(1).optional(),
  /** Citations, keys into content/sources/*.yaml. */
  sources: sourceIds,
});
export type Equivalents = z.infer<typeof equivalentsSchema>;
