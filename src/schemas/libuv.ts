import { z } from 'astro/zod';
import { errorName } from './common.ts';

/** A libuv error name without its UV_ prefix, as Node.js reports it in err.code (`ECONNRESET`, `EOF`). */
const uvCode = z.string().regex(/^E[A-Z0-9]+$/, 'a libuv error name without UV_, e.g. ECONNRESET');

/** A translation libuv makes outside uv_translate_sys_error(), for one kind of call only. */
export const libuvOperationSchema = z.strictObject({
  /** The Windows or Winsock error, e.g. WSAECONNABORTED. */
  error: errorName,
  /** The call it applies to, in plain words, e.g. "TCP read". */
  operation: z.string().min(1),
  code: uvCode,
  /** Where libuv does it, a key into content/sources/*.yaml. */
  source: z.string().min(1),
  /** The line or comment of the source that does it. */
  quote: z.string().min(1),
});

/**
 * content/errors/libuv-windows.yaml: libuv's Windows error mapping (uv_translate_sys_error() in
 * src/win/error.c) as data. Node.js on Windows reports err.code from it; an error not listed is UNKNOWN.
 */
export const libuvWindowsSchema = z.strictObject({
  /** The citation for the table, a key into content/sources/*.yaml. */
  source: z.string().min(1),
  /** The libuv commit the case list was read from. */
  commit: z.string().regex(/^[0-9a-f]{40}$/, 'a full 40-character commit hash'),
  /** Windows or Winsock error name (as in the C case list) -> libuv error name. */
  map: z.record(errorName, uvCode),
  operations: z.array(libuvOperationSchema).default([]),
  /** WSA_ codes that winsock2.h defines as a Windows error of the same value. */
  sameAs: z.record(errorName, errorName).default({}),
});
export type LibuvWindows = z.infer<typeof libuvWindowsSchema>;
