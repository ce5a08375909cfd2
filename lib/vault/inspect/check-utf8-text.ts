export type TextProblem = "BINARY" | "INVALID_UTF8";

/**
 * Bytes that never occur in text (the WHATWG MIME sniffing "binary data bytes": NUL and the C0
 * controls other than TAB, LF, FF, CR and ESC). A file holding one is not plain text.
 */
function hasBinaryByte(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f)) return true;
  }
  return false;
}

/**
 * Checks that `bytes` is UTF-8 text. When `complete` is false, `bytes` is the head of a longer file
 * and a character cut at its end is not an error.
 */
export function checkUtf8Text(bytes: Uint8Array, { complete }: { complete: boolean }): TextProblem | null {
  if (hasBinaryByte(bytes)) return "BINARY";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
    return null;
  } catch {
    return "INVALID_UTF8";
  }
}

/**
 * The same check over a whole upload, chunk by chunk as it streams (a character may straddle two
 * chunks). `push` and `end` return the first problem found, then keep returning it.
 */
export function createUtf8TextCheck(): { push(chunk: Uint8Array): TextProblem | null; end(): TextProblem | null } {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let problem: TextProblem | null = null;
  return {
    push(chunk) {
      if (problem) return problem;
      if (hasBinaryByte(chunk)) return (problem = "BINARY");
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        problem = "INVALID_UTF8";
      }
      return problem;
    },
    end() {
      if (problem) return problem;
      try {
        decoder.decode();
      } catch {
        problem = "INVALID_UTF8";
      }
      return problem;
    },
  };
}
