// PEP 263: a Python file may declare its encoding in a comment on line 1 or 2
// (`# -*- coding: latin-1 -*-`). Python decodes it that way, so the extractor must too.

import { MAX_SOURCE_BYTES, resolveProjectPath } from '../fs/project-files.js';
import { readRegularFile } from '../fs/bounded-read.js';

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The encoding declared on line 1 or 2 of the raw bytes, lower-cased, or undefined. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const lines = head.split('\n');
  const first = COOKIE.exec(lines[0] ?? '');
  if (first) return first[1]!.toLowerCase();
  // Line 2 counts only when line 1 is blank or a comment.
  if (lines[0] !== undefined && !/^[ \t\f]*(#.*)?\r?$/.test(lines[0])) return undefined;
  const second = COOKIE.exec(lines[1] ?? '');
  return second ? second[1]!.toLowerCase() : undefined;
}

const LATIN1 = new Set(['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'iso_8859_1', 'l1', '8859', 'cp819']);
/** Python codec names -> WHATWG labels for TextDecoder, for the common ones. */
const WHATWG: Record<string, string> = {
  cp1252: 'windows-1252', 'windows-1252': 'windows-1252', cp1251: 'windows-1251', 'windows-1251': 'windows-1251',
  'iso-8859-15': 'iso-8859-15', 'iso8859-15': 'iso-8859-15', latin9: 'iso-8859-15', 'iso-8859-2': 'iso-8859-2', latin2: 'iso-8859-2',
  'koi8-r': 'koi8-r', 'shift_jis': 'shift_jis', sjis: 'shift_jis', 'euc-jp': 'euc-jp', 'euc-kr': 'euc-kr', gbk: 'gbk', gb2312: 'gbk', gb18030: 'gb18030', big5: 'big5',
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-sig': 'utf-8',
};

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; detail: string };

/**
 * Decodes a project file that is not UTF-8 through its declared encoding. `rel` must already
 * have been refused by readProjectText only for not being UTF-8 (so it exists and is inside).
 */
export function decodeDeclared(root: string, rel: string): DecodeResult {
  const resolved = resolveProjectPath(root, rel);
  if (!resolved.ok) return { ok: false, detail: resolved.detail };
  const read = readRegularFile(resolved.path, MAX_SOURCE_BYTES, rel);
  if (!read.ok) return { ok: false, detail: read.detail };
  const bytes = read.bytes;
  const enc = declaredEncoding(bytes);
  if (!enc) return { ok: false, detail: `${rel} is not valid UTF-8 and declares no encoding (PEP 263)` };
  if (LATIN1.has(enc)) return { ok: true, text: bytes.toString('latin1'), encoding: enc };
  const label = WHATWG[enc.replace(/_/g, '-')] ?? WHATWG[enc];
  if (!label) return { ok: false, detail: `${rel} declares encoding ${enc}, which cog-migrate cannot decode` };
  try {
    const text = new TextDecoder(label, { fatal: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: enc };
  } catch {
    return { ok: false, detail: `${rel} is not valid ${enc}, the encoding it declares` };
  }
}
