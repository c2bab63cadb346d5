// The prediction's request and response as TypeScript: interfaces built as ts-morph structures
// from the IR (enums as string unions, constraints in doc comments, Path/File inputs as URL
// strings, BaseModel outputs as interfaces), and the data the Worker's input check reads.
// Every user value reaches the code through src/quote (tsStr, tsNumber, tsDocText).

import { StructureKind, type CodeBlockWriter, type InterfaceDeclarationStructure, type JSDocTagStructure, type PropertySignatureStructure, type TypeAliasDeclarationStructure, type WriterFunction } from 'ts-morph';
import type { Input, IrType, LiteralValue, ObjectField, Predictor } from '../../src/ir/types.js';
import { describeConstraints, describeType } from '../../src/ir/describe.js';
import { isTsIdentifier, tsDocText, tsNumber, tsStr } from '../../src/quote/index.js';
import { inputPresence, type InputPresence } from '../../src/ir/openapi.js';

export const INPUT_INTERFACE = 'PredictionInput';
export const OUTPUT_TYPE = 'PredictionOutput';

/** A property name as code: bare when it is an identifier, else a string literal. */
export const propertyName = (name: string): string => (isTsIdentifier(name) ? name : tsStr(name));

function literal(w: CodeBlockWriter, v: LiteralValue): void {
  if (v === null) w.write('null');
  else if (typeof v === 'string') w.write(tsStr(v));
  else if (typeof v === 'number') w.write(tsNumber(v));
  else if (typeof v === 'boolean') w.write(v ? 'true' : 'false');
  else w.write('unknown');
}

/** Literal choices of an input, when they are a plain list of strings or numbers. */
export function literalChoices(i: Input): (string | number)[] | undefined {
  if (i.choices?.kind !== 'literal' || !Array.isArray(i.choices.value)) return undefined;
  const values = i.choices.value;
  return values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) ? (values as (string | number)[]) : undefined;
}

/** Writes the TypeScript type of an IR type; object types are referred to by their interface name. */
export function writeType(w: CodeBlockWriter, t: IrType, names: ReadonlyMap<IrType, string>): void {
  switch (t.kind) {
    case 'str': case 'secret': w.write('string'); return;
    case 'path': case 'file': w.write('string'); return;
    case 'int': case 'float': w.write('number'); return;
    case 'bool': w.write('boolean'); return;
    case 'any': w.write('unknown'); return;
    case 'dict': w.write('Record<string, unknown>'); return;
    case 'optional': writeType(w, t.inner, names); w.write(' | null'); return;
    case 'list': case 'iterator': case 'concatenateIterator': case 'asyncIterator': case 'asyncConcatenateIterator': {
      const inner = t.items;
      const simple = !['optional'].includes(inner.kind);
      if (!simple) w.write('(');
      writeType(w, inner, names);
      if (!simple) w.write(')');
      w.write('[]');
      return;
    }
    case 'object': w.write(names.get(t) ?? 'Record<string, unknown>'); return;
  }
}

const typeWriter = (t: IrType, names: ReadonlyMap<IrType, string>): WriterFunction => (w) => writeType(w, t, names);

function inputDoc(i: Input, presence: ReadonlyMap<string, InputPresence>): string {
  const lines: string[] = [];
  if (i.description) lines.push(i.description);
  const kind = i.type.kind === 'optional' ? i.type.inner.kind : i.type.kind;
  if (kind === 'path' || kind === 'file') lines.push('A URL (https: or data:) of the file; Cog downloads it before predict() runs.');
  const constraints = describeConstraints(i);
  if (constraints) lines.push(`Cog: ${describeType(i.type)}, ${constraints}`);
  else lines.push(`Cog: ${describeType(i.type)}`);
  if (i.default !== 'required' && i.default.kind === 'source') {
    lines.push(mayOmit(i, presence)
      ? `Default computed by the predictor (${i.default.text}).`
      : `Required: Cog's schema generator cannot read the default the predictor computes (${i.default.text}), so Cog requires a value.`);
  }
  return lines.map(tsDocText).join('\n');
}

/** `@default` with the literal default, as a JSDoc tag (the value escaped like any doc text). */
function defaultTags(i: Input): JSDocTagStructure[] {
  if (i.default === 'required' || i.default.kind !== 'literal') return [];
  return [{ kind: StructureKind.JSDocTag, tagName: 'default', text: tsDocText(JSON.stringify(i.default.value)) }];
}

/**
 * What Cog's schema says of each input's presence: the document the model validates requests
 * against on its new platform (`runtimeValues`, as the Containers image's .cog/openapi_schema.json).
 */
export const cogPresence = (p: Predictor): ReadonlyMap<string, InputPresence> => inputPresence(p, { runtimeValues: true });

const presenceOf = (i: Input, presence: ReadonlyMap<string, InputPresence>): InputPresence =>
  presence.get(i.name) ?? { required: i.default === 'required', nullable: false };

/** An input the request may leave out: Cog's schema does not require it. */
export const mayOmit = (i: Input, presence: ReadonlyMap<string, InputPresence>): boolean => !presenceOf(i, presence).required;

/**
 * Cog accepts null for an Optional input and where its schema says nullable; not for
 * `x: int = Input(default=None)`, which its schema makes required.
 */
export function acceptsNull(i: Input, presence: ReadonlyMap<string, InputPresence>): boolean {
  return i.type.kind === 'optional' || presenceOf(i, presence).nullable;
}

function inputProperty(i: Input, names: ReadonlyMap<IrType, string>, presence: ReadonlyMap<string, InputPresence>): PropertySignatureStructure {
  const choices = literalChoices(i);
  const nullable = acceptsNull(i, presence);
  const type: WriterFunction = choices
    ? (w) => { choices.forEach((c, n) => { if (n > 0) w.write(' | '); literal(w, c); }); if (nullable) w.write(' | null'); }
    : (w) => { writeType(w, i.type, names); if (nullable && i.type.kind !== 'optional') w.write(' | null'); };
  return {
    kind: StructureKind.PropertySignature,
    name: propertyName(i.name),
    type,
    hasQuestionToken: mayOmit(i, presence),
    docs: [{ kind: StructureKind.JSDoc, description: inputDoc(i, presence), tags: defaultTags(i) }],
  };
}

/** BaseModel output classes, nested ones first, each named after its Python class. */
function objectTypes(t: IrType, out: Map<IrType, string>, taken: Set<string>): void {
  switch (t.kind) {
    case 'optional': objectTypes(t.inner, out, taken); return;
    case 'list': case 'iterator': case 'concatenateIterator': case 'asyncIterator': case 'asyncConcatenateIterator': objectTypes(t.items, out, taken); return;
    case 'object': {
      if (out.has(t)) return;
      for (const f of t.fields) objectTypes(f.type, out, taken);
      let name = isTsIdentifier(t.name) ? t.name : 'OutputObject';
      while (taken.has(name)) name = `${name}_`;
      taken.add(name);
      out.set(t, name);
      return;
    }
    default:
  }
}

function fieldProperty(f: ObjectField, names: ReadonlyMap<IrType, string>): PropertySignatureStructure {
  return {
    kind: StructureKind.PropertySignature,
    name: propertyName(f.name),
    type: typeWriter(f.type, names),
    hasQuestionToken: f.default !== undefined,
    docs: [{ kind: StructureKind.JSDoc, description: tsDocText(`Cog: ${describeType(f.type)}`) }],
  };
}

export interface SchemaStructures {
  statements: (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[];
}

/** `PredictionInput`, the output's interfaces and `PredictionOutput` for one predictor. */
export function schemaStructures(p: Predictor): SchemaStructures {
  const names = new Map<IrType, string>();
  const presence = cogPresence(p);
  objectTypes(p.output, names, new Set([INPUT_INTERFACE, OUTPUT_TYPE]));
  const statements: SchemaStructures['statements'] = [{
    kind: StructureKind.Interface,
    name: INPUT_INTERFACE,
    isExported: true,
    docs: [{ kind: StructureKind.JSDoc, description: tsDocText(`The input of ${p.ref}, as Cog's schema declares it.`) }],
    properties: [...p.inputs].sort((a, b) => a.order - b.order).map((i) => inputProperty(i, names, presence)),
  }];
  for (const [t, name] of names) {
    if (t.kind !== 'object') continue;
    statements.push({
      kind: StructureKind.Interface,
      name,
      isExported: true,
      docs: [{ kind: StructureKind.JSDoc, description: tsDocText(`Output model ${t.name} of ${p.ref}.`) }],
      properties: t.fields.map((f) => fieldProperty(f, names)),
    });
  }
  const streamed = ['iterator', 'concatenateIterator', 'asyncIterator', 'asyncConcatenateIterator'].includes(p.output.kind);
  statements.push({
    kind: StructureKind.TypeAlias,
    name: OUTPUT_TYPE,
    isExported: true,
    docs: [{ kind: StructureKind.JSDoc, description: tsDocText(`The output of ${p.ref} (Cog: ${describeType(p.output)})${streamed ? ': every item the iterator yielded, in order' : ''}. Files come back as URLs.`) }],
    type: typeWriter(p.output, names),
  });
  return { statements };
}
