// Text files are decoded strictly: invalid UTF-8 is an error naming the file and the byte, never
// silently turned into U+FFFD and shipped.
import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/** Thrown for bytes that are not UTF-8; `offset` is the first bad byte, `line` its 1-based line. */
export class InvalidUtf8Error extends Error {
  readonly file: string;
  readonly offset: number;
  readonly line: number;
  constructor(file: string, offset: number, line: number) {
    super(`${file}: invalid UTF-8 at byte ${offset} (line ${line}); save the file as UTF-8`);
    this.name = 'InvalidUtf8Error';
    this.file = file;
    this.offset = offset;
    this.line = line;
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // The decoder replaces each bad sequence with U+FFFD; everything before the first replacement
  // was valid, so its encoded length is the offset, unless the file holds a real U+FFFD there.
  const text = new TextDecoder('utf-8').decode(bytes);
  let from = 0;
  for (;;) {
    const at = text.indexOf('\uFFFD', from);
    if (at === -1) return -1;
    const offset = Buffer.byteLength(text.slice(0, at));
    const real = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!real) return offset;
    from = at + 1;
  }
}

/** The file's text; throws InvalidUtf8Error when it is not valid UTF-8. `name` is how errors call it. */
export function readText(path: string, name = path): string {
  const bytes = readFileSync(path);
  if (isUtf8(bytes)) return bytes.toString('utf8').replace(/^\uFEFF/, '');
  const offset = firstInvalidUtf8(bytes);
  const line = bytes.subarray(0, offset).toString('utf8').split('\n').length;
  throw new InvalidUtf8Error(name, offset, line);
}
