// Cog's own rules for inputs, as its Python SDK 0.19.x inspector (`_validate_input_constraints`)
// and the Go static parser apply them: where Cog would refuse the predictor, we give an error.

import type { Input, IrType, LiteralValue } from '../../../ir/types.js';
import type { PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { report, type Ctx } from './context.js';

/** The primitive an input is made of: `List[Optional[int]]` -> int. */
export function primitiveOf(t: IrType): IrType['kind'] {
  if (t.kind === 'optional') return primitiveOf(t.inner);
  if (t.kind === 'list') return primitiveOf(t.items);
  return t.kind;
}

function isRepeated(t: IrType): boolean {
  if (t.kind === 'optional') return isRepeated(t.inner);
  return t.kind === 'list';
}

function show(v: LiteralValue): string {
  return JSON.stringify(v);
}

export function validateInput(ctx: Ctx, mod: PyModule, input: Input, at: SyntaxNode): void {
  const prim = primitiveOf(input.type);
  const numeric = prim === 'int' || prim === 'float';
  const isStr = prim === 'str';
  const unknown = prim === 'any';
  const where = `input \`${input.name}\``;
  if (!unknown) {
    if ((input.ge !== undefined || input.le !== undefined) && !numeric) report(ctx, 'CM215', `${where}: ge/le need an int or float input, not ${prim}`, mod, at);
    if ((input.minLength !== undefined || input.maxLength !== undefined) && !isStr) report(ctx, 'CM215', `${where}: min_length/max_length need a str input, not ${prim}`, mod, at);
    if (input.regex !== undefined && !isStr) report(ctx, 'CM215', `${where}: regex needs a str input, not ${prim}`, mod, at);
  }
  if (input.choices) {
    if (!unknown && prim !== 'str' && prim !== 'int') report(ctx, 'CM214', `${where}: choices are allowed only on str and int inputs, not ${prim}`, mod, at);
    if (input.ge !== undefined || input.le !== undefined) report(ctx, 'CM215', `${where}: choices and ge/le cannot be used together`, mod, at);
    if (input.minLength !== undefined || input.maxLength !== undefined) report(ctx, 'CM215', `${where}: choices and min_length/max_length cannot be used together`, mod, at);
    if (input.choices.kind === 'literal' && Array.isArray(input.choices.value)) {
      const items = input.choices.value;
      if (items.length < 2) report(ctx, 'CM213', `${where}: choices=${show(items)} must have at least two items`, mod, at);
      if (prim === 'str' && !items.every((x) => typeof x === 'string')) report(ctx, 'CM223', `${where}: every choice must be a str`, mod, at);
      if (prim === 'int' && !items.every((x) => typeof x === 'number' && Number.isInteger(x))) report(ctx, 'CM223', `${where}: every choice must be an int`, mod, at);
      if (input.default !== 'required' && input.default.kind === 'literal' && input.default.value !== null) {
        const d = input.default.value;
        const defaults = isRepeated(input.type) && Array.isArray(d) ? d : [d];
        const bad = defaults.find((x) => !items.some((c) => c === x));
        if (bad !== undefined) report(ctx, 'CM227', `${where}: default ${show(bad)} is not one of the choices ${show(items)}`, mod, at);
      }
    }
  }
  // Defaults against constraints (Cog checks each item of a list default).
  if (input.default !== 'required' && input.default.kind === 'literal' && input.default.value !== null) {
    const v = input.default.value;
    const values = isRepeated(input.type) && Array.isArray(v) ? v : [v];
    for (const x of values) {
      if (typeof x === 'number') {
        if (input.ge !== undefined && x < input.ge) report(ctx, 'CM221', `${where}: default ${show(x)} is below ge=${input.ge}`, mod, at);
        if (input.le !== undefined && x > input.le) report(ctx, 'CM221', `${where}: default ${show(x)} is above le=${input.le}`, mod, at);
      }
      if (typeof x === 'string' && isStr) {
        const len = [...x].length;
        if (input.minLength !== undefined && len < input.minLength) report(ctx, 'CM221', `${where}: default is shorter than min_length=${input.minLength}`, mod, at);
        if (input.maxLength !== undefined && len > input.maxLength) report(ctx, 'CM221', `${where}: default is longer than max_length=${input.maxLength}`, mod, at);
      }
    }
  }
}
