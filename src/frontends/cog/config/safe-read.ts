// readProjectText, with the I/O errors it lets through (permission denied, a file vanishing
// between checks) turned into a read problem: an unreadable user file is input, not a bug.

import { readProjectText, type ReadResult } from '../../../fs/project-files.js';

export function safeReadProjectText(root: string, rel: string, maxBytes?: number): ReadResult {
  try {
    return readProjectText(root, rel, maxBytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, problem: 'not-a-file', detail: `${rel} cannot be read (${code})` };
  }
}
