// Findings for inputs Cog's current static schema generator reads differently from the running
// model (static-cog.ts decides where): what it does instead, and which value the conversion keeps.

import type { Input, LiteralValue, StaticCogReading } from '../../../ir/types.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { excerpt, report, type Ctx } from './context.js';
import type { SharedInput } from './helper-inputs.js';
import { readsTupleInPart } from './static-cog.js';
import { commentBetweenItems } from './static-cog-literals.js';
import { callArguments } from '../../../python/nodes.js';

const show = (v: LiteralValue | undefined): string => {
  const t = JSON.stringify(v) ?? 'nothing';
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
};

function resolvedValue(input: Input, keyword: string): LiteralValue | undefined {
  if (keyword === 'default') return input.default !== 'required' && input.default.kind === 'literal' ? input.default.value : undefined;
  if (keyword === 'choices') return input.choices?.kind === 'literal' ? input.choices.value : undefined;
  const key = keyword === 'min_length' ? 'minLength' : keyword === 'max_length' ? 'maxLength' : keyword;
  return (input as unknown as Record<string, LiteralValue | undefined>)[key];
}

export function reportStaticCog(ctx: Ctx, mod: PyModule, value: SyntaxNode, input: Input, reading: StaticCogReading, shared: SharedInput | undefined): void {
  const via = shared?.via === 'helper' ? ` (an Input() returned by a local helper, read statically)` : shared ? ` (an Input() held by a class attribute)` : '';
  if (reading.refuses) {
    const kept = [resolvedValue(input, 'choices') !== undefined ? `choices ${show(resolvedValue(input, 'choices'))}` : '', resolvedValue(input, 'default') !== undefined ? `default ${show(resolvedValue(input, 'default'))}` : ''].filter(Boolean).join(', ');
    const choices = shared ? undefined : callArguments(value).keywords.find((k) => k.name === 'choices')?.value;
    const comment = choices && commentBetweenItems(choices, mod.parsed.source) ? ' (a comment between the items of a list is an item it cannot read)' : '';
    report(ctx, 'CM246', `\`${input.name}\` (\`${excerpt(value)}\`)${via}: Cog's current static schema generator refuses it ("${reading.refuses}")${comment}, so \`cog build\` fails; Cog 0.19 and older evaluated it at import, and the conversion keeps ${kept || 'what Cog 0.19 read'}`, mod, value);
    return;
  }
  // Point at the keyword in the parameter's own Input() call; a shared one is pointed at by name.
  const call = shared ? shared.call : value;
  const { keywords, positional } = callArguments(call);
  // More than one positional argument is CM231, an error that covers each of them.
  if (reading.noDefault && positional.length === 1) {
    const instead = input.type.kind === 'optional' ? 'no default (not even null)' : `no default, and the schema \`cog build\` writes makes \`${input.name}\` required`;
    report(ctx, 'CM230', `default of \`${input.name}\` is given positionally (\`${excerpt(positional[0]!)}\`)${via}: Cog's Python SDK reads it as the default (${show(resolvedValue(input, 'default'))}), but Cog's current static schema generator reads only keyword arguments: it reads ${instead}; the conversion keeps ${show(resolvedValue(input, 'default'))}`, mod, shared ? value : positional[0]!);
  }
  for (const [keyword, theirs] of Object.entries(reading.reads ?? {})) {
    if (positional.length > 1 && !keywords.some((k) => k.name === keyword)) continue;
    const at = (shared ? undefined : keywords.find((k) => k.name === keyword)?.value) ?? value;
    const ours = show(resolvedValue(input, keyword));
    if ((keyword === 'default' || keyword === 'choices') && theirs !== null && readsTupleInPart(mod, at)) {
      const kept = resolvedValue(input, keyword) === undefined ? 'keeps the source text (CM204/CM205)' : `keeps ${ours}`;
      report(ctx, 'CM232', `${keyword} of \`${input.name}\` (\`${excerpt(at)}\`) is a tuple Cog's current static schema generator reads in part: it keeps only the items it reads as literals and drops the rest (names, calls, f-strings), so it reads ${show(theirs)}; the conversion ${kept}`, mod, at);
    } else if (keyword === 'choices') {
      const list = theirs as LiteralValue[];
      const instead = list.length === 0 ? 'none of them, so the schema `cog build` writes has no enum' : `only ${show(list)}, so a model built by current Cog refuses the others`;
      report(ctx, 'CM249', `choices of \`${input.name}\` resolve to ${show(resolvedValue(input, 'choices'))}; Cog's current static schema generator reads ${instead} (it keeps only the dict entries whose key and value are both literals); the conversion keeps them all, as Cog 0.19 and older did at import`, mod, at);
    } else if (keyword === 'default') {
      const comment = commentBetweenItems(at, mod.parsed.source) ? ' (a comment between the items of a list is an item it cannot read, so it reads no list)' : '';
      const instead = theirs === null ? `None${comment}, so the schema \`cog build\` writes ${input.type.kind === 'optional' ? 'has default null' : `makes \`${input.name}\` required`}` : show(theirs);
      report(ctx, 'CM245', `default of \`${input.name}\` (\`${excerpt(at)}\`)${via} resolves to ${ours}, which Cog's current static schema generator does not follow: it reads ${instead}; the conversion keeps ${ours}, as Cog 0.19 and older did at import`, mod, at);
    } else {
      const instead = theirs === null ? 'leaves it out' : `reads ${show(theirs)}`;
      report(ctx, 'CM247', `\`${keyword}\` of \`${input.name}\` resolves to ${ours}${via}; Cog's current static schema generator ${instead}, and the conversion keeps ${ours}`, mod, at);
    }
  }
}
