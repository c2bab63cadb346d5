// Cog inputs -> the fields of a Pydantic input model (FalBaseModel) and the arguments the
// adapter passes to predict(). Values from the user's file go through pyStr/pyLiteral only.

import type { Input, IrType, LiteralValue } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { pyLiteral, pyStr } from '../../src/quote/index.js';
import { inputAnnotation, inputConversion, isFileInput, type Needs } from './pytypes.js';
import { fieldNames } from './names.js';
import { ann, literalAnn, oneOfAnn, scalarLiteral, type Annotation, type ModelClass, type Scalar } from './annotation.js';
import { INPUT_FIELD, inputMedia } from './media.js';

export interface InputFieldView {
  ident: string;
  /** The API name when it differs from `ident` (a name app.py uses, not an identifier). */
  alias?: string;
  annotation: Annotation;
  /** `Field`, `FileField`, or `ImageField` / `VideoField` / `AudioField` (targets/fal/media.ts). */
  fieldFn: string;
  /** The keyword arguments, as Python code. */
  args: string;
  /** A plain annotation, no `= Field(...)` (a required input with nothing else to say). */
  bare: boolean;
  /** A note for the reader (the default expression kept in predict.py, ...), plain text. */
  note?: string;
}

export interface ArgumentView {
  /** The parameter name of predict(), as written by the user. */
  key: string;
  ident: string;
  /** Python expression of the value (uses `input` and `tmp`). */
  value: string;
  /** Passed only when the request sets it, so predict() evaluates its own default. */
  onlyIfSet: boolean;
  note?: string;
}

export interface InputModelView {
  name: ModelClass;
  /** Names in Cog's x-order, as the API spells them. */
  order: string[];
  config: string[];
  fields: InputFieldView[];
  arguments: ArgumentView[];
}

function scalarChoices(choices: LiteralValue): Scalar[] | undefined {
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  if (!choices.every((c) => typeof c === 'string' || typeof c === 'number' || typeof c === 'boolean')) return undefined;
  return choices as Scalar[];
}

/** Replaces the scalar at the bottom of an (optional) type by a choice-restricted annotation. */
function withChoices(t: IrType, choices: Scalar[], needs: Needs): Annotation | undefined {
  if (t.kind === 'optional') {
    const inner = withChoices(t.inner, choices, needs);
    if (inner === undefined) return undefined;
    needs.optional = true;
    return ann('Optional', inner);
  }
  if (t.kind !== 'str' && t.kind !== 'int' && t.kind !== 'float' && t.kind !== 'bool') return undefined;
  const isFloat = t.kind === 'float';
  // typing.Literal admits str/int/bool but not floats: those get a validator instead.
  if (choices.some((c) => typeof c === 'number' && !Number.isInteger(c))) {
    needs.annotated = true;
    return oneOfAnn(ann(t.kind), choices, isFloat);
  }
  needs.literal = true;
  return literalAnn(choices, isFloat);
}

/** A literal of the field's type: JSON cannot tell 1.0 from 1, the Cog type can. */
export function typedLiteral(t: IrType, value: LiteralValue): string {
  if (t.kind === 'optional') return typedLiteral(t.inner, value);
  if (t.kind === 'list' && Array.isArray(value)) return `[${value.map((v) => typedLiteral(t.items, v)).join(', ')}]`;
  if (t.kind === 'float' && typeof value === 'number') return scalarLiteral(value, true);
  if (t.kind === 'secret' && typeof value === 'string') return `SecretStr(${pyStr(value)})`;
  return pyLiteral(value);
}

/** True when the choices became `_one_of(...)`, which gives no `enum` in the schema by itself. */
function needsEnum(t: IrType, choices: Scalar[]): boolean {
  let scalar = t;
  while (scalar.kind === 'optional') scalar = scalar.inner;
  return ['str', 'int', 'float', 'bool'].includes(scalar.kind) && choices.some((c) => typeof c === 'number' && !Number.isInteger(c));
}

function defaultCode(input: Input, value: LiteralValue): string {
  return typedLiteral(input.type, value);
}

/** `reserved`: names of this app a field must not take besides the fixed ones (its class name). */
export function buildInputModel(
  name: ModelClass, inputs: Input[], needs: Needs, findings: Finding[], role: string, reserved: ReadonlySet<string>,
): InputModelView {
  const sorted = [...inputs].sort((a, b) => a.order - b.order);
  const view: InputModelView = { name, order: [], config: [], fields: [], arguments: [] };
  let aliased = false;
  for (const { field: written, names } of fieldNames(sorted, reserved)) {
    // Cog allows `x: Path = Input(default=None)`: optional in its schema, and here in every respect.
    const nullDefault = written.default !== 'required' && written.default.kind === 'literal' && written.default.value === null;
    const input: Input = nullDefault && written.type.kind !== 'optional' ? { ...written, type: { kind: 'optional', inner: written.type } } : written;
    view.order.push(input.name);
    const args: string[] = [];
    let note: string | undefined;
    let annotation = inputAnnotation(input.type, needs);
    // Set when a non-literal default made the annotation Optional[...] around the written type.
    let widened = false;
    let onlyIfSet = false;

    if (input.default === 'required') {
      // no default: required in the schema, as in Cog
    } else if (input.default.kind === 'literal') {
      args.push(`default=${defaultCode(input, input.default.value)}`);
    } else {
      onlyIfSet = true;
      if (input.type.kind !== 'optional') { needs.optional = true; annotation = ann('Optional', annotation); widened = true; }
      args.push('default=None');
      note = `default in the predictor: ${input.default.text}`;
      findings.push(finding('CM401',
        `${role} input "${input.name}" has the default ${input.default.text}, which is not a literal; fal shows no default and the predictor evaluates it when a request leaves the input out`,
        input.loc, { target: 'fal' }));
    }
    if (names.alias !== undefined) {
      aliased = true;
      args.push(`alias=${pyStr(names.alias)}`);
      findings.push(finding('CM416', `${role} input "${input.name}" is the Python field ${names.ident} (alias ${JSON.stringify(input.name)})`, input.loc, { target: 'fal' }));
    }
    if (input.description !== undefined) args.push(`description=${pyStr(input.description)}`);
    if (input.ge !== undefined) args.push(`ge=${pyLiteral(input.ge)}`);
    if (input.le !== undefined) args.push(`le=${pyLiteral(input.le)}`);
    if (input.minLength !== undefined) args.push(`min_length=${pyLiteral(input.minLength)}`);
    if (input.maxLength !== undefined) args.push(`max_length=${pyLiteral(input.maxLength)}`);
    if (input.regex !== undefined) args.push(`pattern=${pyStr(input.regex)}`);

    const extra: string[] = [];
    if (input.choices !== undefined) {
      const choices = input.choices.kind === 'literal' ? scalarChoices(input.choices.value) : undefined;
      const dflt = input.default !== 'required' && input.default.kind === 'literal' ? input.default.value : null;
      if (choices && dflt !== null && !choices.some((c) => c === dflt)) {
        // Cog rejects this (the frontend reports it); a Literal could never hold the default.
        findings.push(finding('CM402', `${role} input "${input.name}" has the default ${JSON.stringify(dflt)}, which is not among its choices ${JSON.stringify(choices)}; any ${input.type.kind} is accepted`, input.loc, { target: 'fal' }));
      }
      const consistent = choices && (dflt === null || choices.some((c) => c === dflt)) ? choices : undefined;
      const restricted = consistent ? withChoices(input.type, consistent, needs) : undefined;
      if (consistent && restricted) {
        annotation = widened ? ann('Optional', restricted) : restricted;
        if (needsEnum(input.type, consistent)) extra.push(`"enum": [${consistent.map((c) => typedLiteral(input.type, c)).join(', ')}]`);
      } else if (!choices || consistent) {
        const text = input.choices.kind === 'literal' ? JSON.stringify(input.choices.value) : input.choices.text;
        findings.push(finding('CM402', `${role} input "${input.name}" has choices ${text} that cannot become a Literal; any ${input.type.kind} is accepted`, input.loc, { target: 'fal' }));
      }
    }
    // Pydantic's deprecated= warns on every attribute read (the adapter reads them all), so the
    // flag goes to the schema only.
    if (input.deprecated) extra.push('"deprecated": True');
    if (extra.length > 0) args.push(`json_schema_extra={${extra.join(', ')}}`);

    const file = isFileInput(input.type);
    if (file) note = note ?? 'a URL or data URI; downloaded before predict()';
    const media = file ? inputMedia(input) : undefined;
    if (media !== undefined) needs.mediaFields[media] = true;
    view.fields.push({
      ident: names.ident,
      ...(names.alias !== undefined ? { alias: names.alias } : {}),
      annotation,
      fieldFn: media !== undefined ? INPUT_FIELD[media] : file ? 'FileField' : 'Field',
      args: args.join(', '),
      bare: args.length === 0 && !file,
      ...(note !== undefined ? { note } : {}),
    });
    view.arguments.push({
      key: input.name,
      ident: names.ident,
      value: inputConversion(input.type, `input.${names.ident}`, needs),
      onlyIfSet,
    });
  }
  if (sorted.some((i) => i.regex !== undefined)) view.config.push('regex_engine="python-re"');
  if (aliased) view.config.push('populate_by_name=True');
  return view;
}
