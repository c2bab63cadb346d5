// Quoting for values that reach a generated Dockerfile: shell words inside RUN, ENV values, and
// the checks that decide whether a user value may appear at all. Everything user-supplied that
// the generator or pruner writes passes through one of these.

/** A POSIX-shell word that expands to exactly `s` (single quotes; `'` as `'\''`). */
export function shellWord(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Debian package names (policy 5.6.1) with an optional `=version` or `/release` pin. */
export function isAptPackage(s: string): boolean {
  return /^[a-z0-9][a-z0-9+.-]+(?:[=/][A-Za-z0-9.+:~_-]+)?$/.test(s);
}

/** Environment variable names a shell and Docker both accept. */
export function isEnvName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/** A value Cog's raw `ENV K=V` rendering carries unchanged (nothing Docker would split or expand). */
export function isPlainEnvValue(s: string): boolean {
  return /^[A-Za-z0-9_@%+=:,./-]*$/.test(s);
}

/**
 * A Dockerfile ENV value that Docker reads back as exactly `s`: double-quoted, with `\`, `"`
 * and `$` escaped so nothing is expanded. Newlines cannot be expressed (Docker has no escape
 * for them inside ENV), so callers reject those first.
 */
export function envValue(s: string): string {
  if (/[\r\n]/.test(s)) throw new Error('ENV values cannot contain newlines; reject them before quoting');
  if (isPlainEnvValue(s) && s !== '') return s;
  return `"${s.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** True when a RUN body would end the instruction early (a line break Docker reads as a new line). */
export function breaksInstruction(s: string): boolean {
  return /[\r\n]/.test(s);
}

/**
 * True when BuildKit could read part of a RUN line built from `s` as a here-document opener
 * (`<<EOF`, `<<-EOF`, `3<<"EOF"`), which takes the Dockerfile lines after it as its text. BuildKit's
 * lexer splits words at `<<` and honours quotes in ways a shell does not, so any `<<` counts.
 */
export function opensHeredoc(s: string): boolean {
  return s.includes('<<');
}

/** A secret mount id or target Docker's `--mount` parser accepts without quoting. */
export function isMountValue(s: string): boolean {
  return /^[A-Za-z0-9_./~-]+$/.test(s) && !s.includes(',');
}

/** True when a RUN body ends in `\`, which would swallow the next instruction as a continuation. */
export function continuesLine(s: string): boolean {
  return /\\\s*$/.test(s);
}

/** Always double-quoted (Cog's form for COG_*_TYPE_STUB), escaping what Docker would expand. */
export function dq(s: string): string {
  return `"${s.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}
