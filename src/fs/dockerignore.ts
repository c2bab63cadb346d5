// A .dockerignore matcher with Docker's rules: patterns are cleaned paths relative to the
// context root, `*` and `?` stay inside one segment, `**` spans any number of segments, a
// leading `!` re-includes, the last matching pattern wins, and a pattern that matches a folder
// matches everything beneath it.

export interface IgnoreRule {
  negate: boolean;
  regex: RegExp;
}

/** The rules, and the patterns that are not valid globs (Docker refuses those; we skip them). */
export function parseDockerignore(text: string): { rules: IgnoreRule[]; invalid: string[] } {
  const rules: IgnoreRule[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    line = line.replace(/^\/+/, '').replace(/\/+$/, '').replace(/^\.\//, '');
    if (line === '' || line === '.') continue;
    try {
      rules.push({ negate, regex: globToRegex(line) });
    } catch {
      invalid.push(raw.trim());
    }
  }
  return { rules, invalid };
}

function globToRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < glob.length) re += `\\${glob[++i]}`;
    else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  // A match on a folder covers its contents.
  return new RegExp(`^${re}(?:/.*)?$`);
}

/** True when the context-relative POSIX path is excluded by the rules. */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
  let ignored = false;
  for (const rule of rules) if (rule.regex.test(path)) ignored = !rule.negate;
  return ignored;
}
