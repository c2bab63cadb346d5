// Where requirements come from: a requirements file named by build.python_requirements
// (with `-r` includes followed inside the project), or the python_packages list in cog.yaml.

import { posix } from 'node:path';
import type { PythonRequirement, SourceLocation } from '../../../ir/types.js';
import { add, type Ctx } from './nodes.js';
import { safeReadProjectText } from './safe-read.js';
import { submoduleNote, uncheckedSubmoduleFor } from '../../../fs/submodules.js';
import { parseRequirement, splitRequirementLines, stripComment, type ParsedRequirement } from './requirements.js';
import { pushAll } from '../../../util/push-all.js';

/** Include depth beyond which a chain of -r files is treated as a cycle we failed to see. */
const MAX_INCLUDE_DEPTH = 20;

/**
 * Reads a requirements file. `from` is where it was named (the cog.yaml value or the `-r`
 * line), so a missing file is reported at the user's own words.
 */
export function readRequirementsFile(ctx: Ctx, rel: string, from: SourceLocation, stack: string[] = []): PythonRequirement[] {
  const file = normalizeRel(rel);
  const read = safeReadProjectText(ctx.root, file);
  const included = stack.length > 0;
  if (!read.ok) {
    const submodule = read.problem === 'missing' ? uncheckedSubmoduleFor(ctx.root, file) : undefined;
    if (submodule !== undefined) {
      const note = submoduleNote(submodule);
      add(ctx, included ? 'CM132' : 'CM130', `${included ? `-r ${rel}` : `build.python_requirements names ${rel}`}, which does not exist${note.message}`, from, { hint: note.hint });
    } else if (!included && read.problem === 'missing') add(ctx, 'CM130', `build.python_requirements names ${rel}, which does not exist`, from);
    else if (!included) add(ctx, 'CM131', `build.python_requirements: ${read.detail}`, from);
    else add(ctx, 'CM132', `-r ${rel}: ${read.detail}`, from);
    return [];
  }
  if (stack.includes(file) || stack.length >= MAX_INCLUDE_DEPTH) {
    add(ctx, 'CM133', `${file} is included again (${[...stack, file].join(' -> ')})`, from);
    return [];
  }
  const out: PythonRequirement[] = [];
  for (const line of splitRequirementLines(read.text)) {
    const loc = { file, line: line.line, column: line.column };
    const parsed = parseRequirement(line.text, loc);
    if (parsed.include !== undefined) {
      const target = posix.join(posix.dirname(file), parsed.include);
      pushAll(out, readRequirementsFile(ctx, target, loc, [...stack, file]));
      continue;
    }
    out.push(checked(ctx, parsed));
  }
  return out;
}

/**
 * One python_packages item. Cog writes the list into a requirements file for pip, so an item
 * may be any requirements line: options, URLs, `pkg @ url`, even a trailing comment.
 */
export function readPackageItem(ctx: Ctx, text: string, loc: SourceLocation): PythonRequirement[] {
  const line = stripComment(text.replace(/\\\r?\n\s*/g, ' '));
  if (line === '') return [];
  const parsed = parseRequirement(line, loc);
  if (parsed.include !== undefined) {
    // The list is written to a temporary file by Cog, so an include there is relative to nothing
    // stable; reading it from the project root is the only reading that can work.
    return readRequirementsFile(ctx, parsed.include, loc, ['cog.yaml']);
  }
  const req = checked(ctx, parsed);
  if (req.kind === 'option') add(ctx, 'CM135', `python_packages item ${JSON.stringify(req.raw)} is a pip option, not a package`, loc);
  return [req];
}

function checked(ctx: Ctx, parsed: ParsedRequirement): PythonRequirement {
  if (parsed.problem) add(ctx, 'CM134', `${JSON.stringify(parsed.req.raw)}: ${parsed.problem}`, parsed.req.loc);
  return parsed.req;
}

function normalizeRel(rel: string): string {
  const n = posix.normalize(rel.replace(/\\/g, '/'));
  return n.startsWith('./') ? n.slice(2) : n;
}
