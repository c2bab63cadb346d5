// The envsubst form of a select script: which variables it sets for which variant name, from its
// `if [[ "$MODEL" == "name" ]]` / `elif` chain or its `case "$MODEL" in name) ... ;;` block.
// Assignments outside any branch apply to every variant. Read as text, never run.

import type { VariantValues } from './script.js';

type Branch = { names: string[] } | 'other' | undefined;

/** The values per variant, or why the branches cannot be read. */
export function parseBranches(lines: readonly string[], names: readonly string[]): { values: VariantValues } | { reason: string } {
  const variable = `\\$\\{?(?:${names.join('|')})\\}?`;
  const compared = new RegExp(`["']?${variable}["']?\\s*==?\\s*["']?([A-Za-z0-9][\\w.-]*)["']?`, 'g');
  const caseStart = new RegExp(`^case\\s+["']?${variable}["']?\\s+in$`);
  const values: Record<string, Record<string, string | null>> = {};
  const shared: Record<string, string | null> = {};
  let branch: Branch;
  let inCase = false;
  const assign = (name: string, raw: string) => {
    const value = staticValue(raw);
    if (branch === 'other') return;
    if (branch === undefined) { shared[name] = value; return; }
    for (const n of branch.names) (values[n] ??= {})[name] = value;
  };
  for (const statement of statements(lines)) {
    if (inCase) {
      if (statement === 'esac') { inCase = false; branch = undefined; continue; }
      if (statement === ';;') { branch = 'other'; continue; }
      const pattern = /^\(?\s*([^)\s]+(?:\s*\|\s*[^)\s]+)*)\s*\)\s*(.*)$/.exec(statement);
      if (pattern && !/^[A-Za-z_]\w*=/.test(statement)) {
        const alternatives = pattern[1]!.split('|').map((p) => p.trim().replace(/^["']|["']$/g, ''));
        branch = alternatives.every((a) => /^[A-Za-z0-9][\w.-]*$/.test(a)) ? { names: alternatives } : 'other';
        for (const n of branch === 'other' ? [] : branch.names) values[n] ??= {};
        const rest = pattern[2]!.trim();
        if (rest) handle(rest);
        continue;
      }
      handle(statement);
      continue;
    }
    if (caseStart.test(statement)) { inCase = true; branch = 'other'; continue; }
    const cond = /^(el)?if\s/.exec(statement);
    if (cond) {
      const found = [...statement.matchAll(compared)].map((m) => m[1]!);
      branch = found.length > 0 ? { names: found } : 'other';
      for (const n of found) values[n] ??= {};
      continue;
    }
    if (statement === 'else') { branch = 'other'; continue; }
    if (statement === 'fi') { branch = undefined; continue; }
    handle(statement);
  }
  function handle(statement: string): void {
    const m = /^(?:export\s+)?([A-Za-z_]\w*)=(.*)$/.exec(statement);
    if (m && !names.includes(m[1]!)) assign(m[1]!, m[2]!);
  }
  if (Object.keys(values).length === 0) return { reason: 'no `if`/`case` branch on the model name sets the template\'s variables' };
  const out: Record<string, Record<string, string | null>> = {};
  for (const [name, own] of Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[name] = { ...shared, ...own };
  return { values: out };
}

/** Shell statements: `;` separated, `then`/`do` dropped, `;;` kept as its own statement. */
function statements(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const part of splitUnquoted(line.replace(/;;/g, '\n;;\n'))) {
      const s = part.trim().replace(/^(then|do)\s+/, '').trim();
      if (s && s !== 'then' && s !== 'do') out.push(s);
    }
  }
  return out;
}

/** Splits at newlines and at semicolons outside quotes, in one pass. */
function splitUnquoted(line: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) { if (c === quote) quote = undefined; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\n' || c === ';') { parts.push(line.slice(start, i)); start = i + 1; }
  }
  parts.push(line.slice(start));
  return parts;
}

/** A quoted or bare word's value; null when the shell would compute it. */
function staticValue(raw: string): string | null {
  const v = raw.trim();
  const single = /^'([^']*)'$/.exec(v);
  if (single) return single[1]!;
  const double = /^"([^"$`\\]*)"$/.exec(v);
  if (double) return double[1]!;
  return /^[^\s"'$`\\;|&<>()]*$/.test(v) ? v : null;
}
