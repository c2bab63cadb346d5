// Reads an existing Dockerfile (the text `cog debug` printed, for `--from-cog-debug FILE`) into
// the same model the generator builds, recognising each of Cog's lines by its shape so the
// pruner can treat both inputs alike. Lines it does not recognise get role 'unknown'.

import { instr, type Dockerfile, type Instruction, type Role } from './model.js';

/** Splits text into instructions: `\` continues a line (kept verbatim in args), `#` lines are comments. */
export function parseDockerfile(text: string): Dockerfile {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (first.trim() === '') continue;
    const startLine = i + 1;
    if (/^\s*#/.test(first)) {
      const c = instr('#', first.trim().slice(1), 'parsed');
      c.role = classify(c);
      c.line = startLine;
      out.push(c);
      continue;
    }
    let body = first;
    while (/\\\s*$/.test(lines[i]!) && i + 1 < lines.length) {
      i++;
      body += '\n' + lines[i]!;
    }
    const m = /^\s*([A-Za-z]+)\s*([\s\S]*)$/.exec(body);
    const keyword = m ? m[1]!.toUpperCase() : 'UNKNOWN';
    let args = m ? m[2]! : body;
    // A here-document's text belongs to its instruction: keep it there, so that nothing the
    // pruner inserts or moves can land inside it.
    if (HEREDOC_KEYWORDS.has(keyword)) {
      for (const doc of heredocs(body)) {
        while (i + 1 < lines.length) {
          i++;
          args += '\n' + lines[i]!;
          if ((doc.chomp ? lines[i]!.replace(/^\t+/, '') : lines[i]!) === doc.word) break;
        }
      }
    }
    const ins = instr(keyword, args.trimEnd(), 'cog debug');
    ins.role = classify(ins, out.at(-1));
    ins.line = startLine;
    out.push(ins);
  }
  return { instructions: out };
}

/** Instructions whose lines BuildKit (Dockerfile syntax 1.4 and the built-in frontend) scans for here-documents. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/** The here-documents a line opens, in order: `<<WORD`, `<<-WORD`, `<<"WORD"`, `<<'WORD'`, `2<<WORD`. */
export function heredocs(line: string): { word: string; chomp: boolean }[] {
  const out: { word: string; chomp: boolean }[] = [];
  for (const m of line.matchAll(/(?<!<)\d*<<(-?)\s*(["']?)([A-Za-z0-9_.$-]+)\2/g)) out.push({ word: m[3]!, chomp: m[1] === '-' });
  return out;
}

const RULES: { keyword: string; test: RegExp; role: Role }[] = [
  { keyword: '#', test: /^syntax=/, role: 'syntax' },
  { keyword: 'FROM', test: /\sAS\s+weights$/i, role: 'weights-from' },
  { keyword: 'FROM', test: /.*/, role: 'from' },
  { keyword: 'ENV', test: /^(DEBIAN_FRONTEND=noninteractive|PYTHONUNBUFFERED=1|LD_LIBRARY_PATH=\$LD_LIBRARY_PATH:.*nvidia.*|NVIDIA_DRIVER_CAPABILITIES=all)$/, role: 'preamble' },
  { keyword: 'RUN', test: /TINI_VERSION=/, role: 'tini' },
  { keyword: 'ENTRYPOINT', test: /\/sbin\/tini/, role: 'entrypoint' },
  { keyword: 'COPY', test: /^--from=ghcr\.io\/astral-sh\/uv:/, role: 'uv' },
  { keyword: 'ENV', test: /^UV_SYSTEM_PYTHON=true$/, role: 'uv' },
  { keyword: 'RUN', test: /apt-get install -qqy --no-install-recommends \\\n\twget/, role: 'python-install' },
  { keyword: 'RUN', test: /^uv python install /, role: 'python-install' },
  { keyword: 'ENV', test: /^UV_PYTHON=|^PATH="\/usr\/local\/bin:\$PATH"$/, role: 'python-install' },
  { keyword: 'RUN', test: /^--mount=type=cache,target=\/var\/cache\/apt,sharing=locked apt-get update -qq && apt-get install -qqy /, role: 'apt' },
  { keyword: 'COPY', test: /^--from=cog_build requirements\.txt /, role: 'requirements-copy' },
  { keyword: 'COPY', test: /^--from=cog_build /, role: 'ca-cert' },
  // COG_CA_CERT (Cog >= 0.17): the staged certificate is installed right after it is copied.
  { keyword: 'RUN', test: /^cp \/tmp\/cog-ca-cert\.crt \/usr\/local\/share\/ca-certificates\/cog-ca-cert\.crt && update-ca-certificates/, role: 'ca-cert' },
  { keyword: 'ENV', test: /^CFLAGS=/, role: 'cflags' },
  { keyword: 'RUN', test: /uv run pip install .*-r \/tmp\/requirements\.txt/, role: 'pip-requirements' },
  { keyword: 'RUN', test: /uv pip (install|uninstall) .*\b(cog|coglet)\b/, role: 'cog-sdk' },
  { keyword: 'RUN', test: /\/etc\/ld\.so\.conf\.d\/cog\.conf/, role: 'ldconfig' },
  { keyword: 'COPY', test: /^--from=weights /, role: 'weights-copy' },
  { keyword: 'WORKDIR', test: /^\/src$/, role: 'workdir' },
  { keyword: 'EXPOSE', test: /^5000$/, role: 'expose' },
  { keyword: 'ENV', test: /^(COG_[A-Z_]+|R8_[A-Z_]+)=/, role: 'cog-env' },
  { keyword: 'CMD', test: /cog\.server\.http/, role: 'cmd' },
  { keyword: 'COPY', test: /^\. \/src$/, role: 'copy-src' },
  { keyword: 'RUN', test: /^cp \/src\/.* \/src\/cog\.yaml$/, role: 'copy-config' },
];

/** The ENV lines Cog writes after installing a COG_CA_CERT certificate (pkg/dockerfile/cacert.go). */
const CA_CERT_ENV = /^(SSL_CERT_FILE|REQUESTS_CA_BUNDLE)=\/etc\/ssl\/certs\/ca-certificates\.crt$/;

export function classify(i: Instruction, previous?: Instruction): Role {
  if (i.keyword === 'ENV' && previous?.role === 'ca-cert' && CA_CERT_ENV.test(i.args)) return 'ca-cert';
  for (const rule of RULES) if (rule.keyword === i.keyword && rule.test.test(i.args)) return rule.role;
  if (i.keyword === 'ENV') return 'user-env';
  if (i.keyword === 'RUN') return 'user-run';
  return 'unknown';
}
