// The Worker's input check: a rule per input (INPUT_RULES, data from the IR; presence as Cog's schema says it) and one fixed
// function that applies them, so a malformed request fails in the Worker with Cog's own kind of
// message instead of costing a model call. Built as ts-morph structures; the function bodies are
// written with the code writer, the rule values through src/quote.

import { StructureKind, VariableDeclarationKind, type CodeBlockWriter, type FunctionDeclarationStructure, type StatementStructures, type TypeAliasDeclarationStructure, type InterfaceDeclarationStructure, type VariableStatementStructure } from 'ts-morph';
import type { Input, IrType, Predictor } from '../../src/ir/types.js';
import { tsNumber, tsStr } from '../../src/quote/index.js';
import type { InputPresence } from '../../src/ir/openapi.js';
import { INPUT_INTERFACE, acceptsNull, cogPresence, literalChoices, mayOmit, propertyName } from './schema.js';

type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'any';

function valueType(t: IrType): ValueType {
  switch (t.kind) {
    case 'str': case 'secret': case 'path': case 'file': return 'string';
    case 'int': return 'integer';
    case 'float': return 'number';
    case 'bool': return 'boolean';
    case 'list': return 'array';
    case 'dict': case 'object': return 'object';
    case 'optional': return valueType(t.inner);
    default: return 'any';
  }
}

/** The JSON type every item of a list input must have; none for other inputs. */
function itemsType(t: IrType): ValueType | undefined {
  if (t.kind === 'optional') return itemsType(t.inner);
  if (t.kind !== 'list') return undefined;
  const items = valueType(t.items);
  return items === 'any' ? undefined : items;
}

function writeRule(w: CodeBlockWriter, i: Input, presence: ReadonlyMap<string, InputPresence>): void {
  w.write(`${propertyName(i.name)}: `).inlineBlock(() => {
    w.writeLine(`type: ${tsStr(valueType(i.type))},`);
    const items = itemsType(i.type);
    if (items) w.writeLine(`items: ${tsStr(items)},`);
    w.writeLine(`required: ${mayOmit(i, presence) ? 'false' : 'true'},`);
    w.writeLine(`nullable: ${acceptsNull(i, presence) ? 'true' : 'false'},`);
    if (i.ge !== undefined) w.writeLine(`ge: ${tsNumber(i.ge)},`);
    if (i.le !== undefined) w.writeLine(`le: ${tsNumber(i.le)},`);
    if (i.minLength !== undefined) w.writeLine(`minLength: ${tsNumber(i.minLength)},`);
    if (i.maxLength !== undefined) w.writeLine(`maxLength: ${tsNumber(i.maxLength)},`);
    if (i.regex !== undefined) w.writeLine(`pattern: ${tsStr(i.regex)},`);
    const choices = literalChoices(i);
    if (choices) w.writeLine(`choices: [${choices.map((c) => (typeof c === 'string' ? tsStr(c) : tsNumber(c))).join(', ')}],`);
  }).write(',').newLine();
}

const RULE_TYPES: (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] = [
  { kind: StructureKind.TypeAlias, name: 'ValueType', type: '"string" | "integer" | "number" | "boolean" | "array" | "object" | "any"' },
  {
    kind: StructureKind.Interface,
    name: 'InputRule',
    docs: [{ kind: StructureKind.JSDoc, description: "What Cog's schema says about one input (generated from the predictor)." }],
    properties: [
      { name: 'type', type: 'ValueType' },
      { name: 'items', type: 'ValueType', hasQuestionToken: true },
      { name: 'required', type: 'boolean' },
      { name: 'nullable', type: 'boolean' },
      { name: 'ge', type: 'number', hasQuestionToken: true },
      { name: 'le', type: 'number', hasQuestionToken: true },
      { name: 'minLength', type: 'number', hasQuestionToken: true },
      { name: 'maxLength', type: 'number', hasQuestionToken: true },
      { name: 'pattern', type: 'string', hasQuestionToken: true },
      { name: 'choices', type: 'readonly (string | number)[]', hasQuestionToken: true },
    ],
  },
  { kind: StructureKind.TypeAlias, name: 'CheckedInput', isExported: true, type: `{ input: ${INPUT_INTERFACE} } | { error: string }` },
];

function rulesStatement(p: Predictor): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: [{ kind: StructureKind.JSDoc, description: 'One rule per input of the predictor; Cog applies its own defaults to inputs left out.' }],
    declarations: [{
      name: 'INPUT_RULES',
      type: 'Readonly<Record<string, InputRule>>',
      initializer: (w) => {
        const presence = cogPresence(p);
        w.inlineBlock(() => { for (const i of [...p.inputs].sort((a, b) => a.order - b.order)) writeRule(w, i, presence); });
      },
    }],
  };
}

const CHECK_FUNCTIONS: FunctionDeclarationStructure[] = [
  {
    kind: StructureKind.Function,
    name: 'typeProblem',
    parameters: [{ name: 'value', type: 'unknown' }, { name: 'type', type: 'ValueType' }],
    returnType: 'string | undefined',
    statements: (w) => {
      w.write('switch (type)').block(() => {
        w.writeLine('case "string": return typeof value === "string" ? undefined : "must be a string";');
        w.writeLine('case "integer": return Number.isInteger(value) ? undefined : "must be a whole number";');
        w.writeLine('case "number": return typeof value === "number" && Number.isFinite(value) ? undefined : "must be a number";');
        w.writeLine('case "boolean": return typeof value === "boolean" ? undefined : "must be true or false";');
        w.writeLine('case "array": return Array.isArray(value) ? undefined : "must be a list";');
        w.writeLine('case "object": return typeof value === "object" && !Array.isArray(value) ? undefined : "must be an object";');
        w.writeLine('case "any": return undefined;');
      });
    },
  },
  {
    kind: StructureKind.Function,
    name: 'constraintProblem',
    parameters: [{ name: 'value', type: 'unknown' }, { name: 'rule', type: 'InputRule' }],
    returnType: 'string | undefined',
    statements: (w) => {
      w.write('if (rule.choices && !rule.choices.includes(value as string | number))').block(() => {
        w.writeLine('return `must be one of ${rule.choices.map((c) => JSON.stringify(c)).join(", ")}`;');
      });
      w.write('if (typeof value === "number")').block(() => {
        w.writeLine('if (rule.ge !== undefined && value < rule.ge) return `must be greater than or equal to ${rule.ge}`;');
        w.writeLine('if (rule.le !== undefined && value > rule.le) return `must be less than or equal to ${rule.le}`;');
      });
      w.write('if (typeof value === "string" || Array.isArray(value))').block(() => {
        w.writeLine('if (rule.minLength !== undefined && value.length < rule.minLength) return `must have at least ${rule.minLength} items or characters`;');
        w.writeLine('if (rule.maxLength !== undefined && value.length > rule.maxLength) return `must have at most ${rule.maxLength} items or characters`;');
      });
      w.write('if (typeof value === "string" && rule.pattern !== undefined && !new RegExp(rule.pattern).test(value))').block(() => {
        w.writeLine('return `must match ${rule.pattern}`;');
      });
      w.writeLine('return undefined;');
    },
  },
  {
    kind: StructureKind.Function,
    name: 'checkInput',
    isExported: true,
    docs: [{ kind: StructureKind.JSDoc, description: "Checks a request's `input` against INPUT_RULES before the model is called." }],
    parameters: [{ name: 'value', type: 'unknown' }],
    returnType: 'CheckedInput',
    statements: (w) => {
      w.write('if (typeof value !== "object" || value === null || Array.isArray(value))').block(() => {
        w.writeLine('return { error: "input must be a JSON object" };');
      });
      w.writeLine('const input = value as Record<string, unknown>;');
      w.write('for (const [name, rule] of Object.entries(INPUT_RULES))').block(() => {
        w.writeLine('const v = input[name];');
        w.write('if (v === undefined)').block(() => {
          w.writeLine('if (rule.required) return { error: `${name} is required` };');
          w.writeLine('continue;');
        });
        w.write('if (v === null)').block(() => {
          w.writeLine('if (rule.nullable) continue;');
          w.writeLine('return { error: `${name} may not be null` };');
        });
        w.writeLine('const problem = typeProblem(v, rule.type) ?? constraintProblem(v, rule);');
        w.writeLine('if (problem !== undefined) return { error: `${name} ${problem}` };');
        w.write('if (rule.items !== undefined && Array.isArray(v))').block(() => {
          w.write('for (const [at, item] of v.entries())').block(() => {
            w.writeLine('const itemProblem = typeProblem(item, rule.items);');
            w.writeLine('if (itemProblem !== undefined) return { error: `${name}[${at}] ${itemProblem}` };');
          });
        });
      });
      w.writeLine(`return { input: input as unknown as ${INPUT_INTERFACE} };`);
    },
  },
];

/** The rule types, the rules for `p` and the check functions, in declaration order. */
export function inputCheckStatements(p: Predictor): StatementStructures[] {
  return [...RULE_TYPES, rulesStatement(p), ...CHECK_FUNCTIONS];
}
