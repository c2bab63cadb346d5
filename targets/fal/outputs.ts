// Output side of the fal adapter: the Pydantic output models (one class per Cog BaseModel, each
// defined after the classes its fields use), the annotations and the conversions from what the
// predictor returns. Values from the user's file go through pyStr/pyLiteral only.

import type { IrType, LiteralValue, ObjectField } from '../../src/ir/types.js';
import { isPyIdentifier, pyIdent, pyLiteral, pyStr } from '../../src/quote/index.js';
import type { Needs } from './pytypes.js';
import { fieldNames, pythonName, type FieldNames } from './names.js';
import { ann, modelClass, scalarLiteral, type Annotation, type ModelClass } from './annotation.js';
import type { MediaKind } from '../../src/ir/media.js';
import { mediaNamed, OUTPUT_CLASS } from './media.js';

export interface OutputFieldView {
  ident: string;
  alias?: string;
  annotation: Annotation;
  /** Python code of the default, as Cog's class declares it; absent for a required field. */
  default?: string;
  /** A note for the reader (a default that could not be carried over), plain text. */
  note?: string;
}

/** A generated Pydantic output model for a Cog BaseModel output (or a nested one). */
export interface OutputModelView {
  name: ModelClass;
  cogName: string;
  fields: OutputFieldView[];
}

/** A field of a Cog output class as the fal model declares it: the type it really admits
 * (`x: str = None` admits None) and its default. */
interface FieldPlan {
  field: ObjectField;
  names: FieldNames;
  type: IrType;
  default?: string;
  note?: string;
  /** What the field's files are: its name says (`image`, `audio_out`), or it is the class's
   * only file field and the predictor's code shows the kind (IR outputMedia). */
  media?: MediaKind;
}

function optional(t: IrType): IrType {
  return t.kind === 'optional' ? t : { kind: 'optional', inner: t };
}

/** True when `value` is a valid Python default for an output field of type `t`. Files and
 * nested models are never given one: the adapter converts those, a literal cannot stand for them. */
function fits(t: IrType, value: LiteralValue): boolean {
  switch (t.kind) {
    case 'optional': return value === null || fits(t.inner, value);
    case 'str': case 'secret': return typeof value === 'string';
    case 'int': return typeof value === 'number' && Number.isInteger(value);
    case 'float': return typeof value === 'number';
    case 'bool': return typeof value === 'boolean';
    case 'any': return true;
    case 'dict': return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'list': return Array.isArray(value) && value.every((v) => fits(t.items, v));
    default: return false;
  }
}

/** A literal of the field's output type: JSON cannot tell 1.0 from 1, the Cog type can. */
function outputLiteral(t: IrType, value: LiteralValue): string {
  if (t.kind === 'optional') return outputLiteral(t.inner, value);
  if (t.kind === 'list' && Array.isArray(value)) return `[${value.map((v) => outputLiteral(t.items, v)).join(', ')}]`;
  if (t.kind === 'float' && typeof value === 'number') return scalarLiteral(value, true);
  return pyLiteral(value);
}

function fieldPlans(t: Extract<IrType, { kind: 'object' }>, reserved: ReadonlySet<string>, media?: MediaKind): FieldPlan[] {
  const fileFields = t.fields.filter((f) => holdsFiles(f.type));
  const plans = fieldNames(t.fields, reserved).map(({ field, names }): FieldPlan => {
    const d = field.default;
    if (d === undefined) return { field, names, type: field.type };
    // Not statically known (a constant, `Field(None, ...)`): optional with None, as for inputs
    // (CM401), so whatever Cog's class fills in validates here too.
    if (d.kind === 'source') return { field, names, type: optional(field.type), default: 'None', note: `default in the predictor: ${d.text}` };
    // `x: str = None` is how Cog projects spell an optional field.
    if (d.value === null) return { field, names, type: optional(field.type), default: 'None' };
    if (!fits(field.type, d.value)) return { field, names, type: field.type, note: `default in the predictor: ${JSON.stringify(d.value)}` };
    return { field, names, type: field.type, default: outputLiteral(field.type, d.value) };
  });
  return plans.map((p) => {
    const kind = mediaNamed(p.field.name) ?? (fileFields.length === 1 && fileFields[0] === p.field ? media : undefined);
    return kind !== undefined && holdsFiles(p.type) ? { ...p, media: kind } : p;
  });
}

/** Collects output models so nested objects get one class each. `models` is in definition
 * order: every class after the classes its fields use, at any depth. */
export class OutputModels {
  readonly models: OutputModelView[] = [];
  private readonly byClass = new Map<string, ModelClass>();
  private readonly names = new Set<string>();

  /** `reserved`: names of this app fields must not take besides the fixed ones (names.ts);
   * `media`: what the predictor's file outputs are (IR outputMedia), if known. */
  constructor(private readonly prefix: 'Output' | 'TrainOutput', readonly reserved: ReadonlySet<string>, readonly media?: MediaKind) {}

  classFor(t: Extract<IrType, { kind: 'object' }>, needs: Needs, topLevelName?: ModelClass): ModelClass {
    // Two modules may each define a class of the same name: they are different classes.
    const key = `${t.loc.file}\u0000${t.name}`;
    const existing = this.byClass.get(key);
    if (existing) return existing;
    const name = topLevelName ?? this.uniqueName(t.name);
    this.byClass.set(key, name);
    this.names.add(name);
    // The field annotations are built first: they define the nested classes, which Python needs
    // before this class body runs.
    const fields = fieldPlans(t, this.reserved, this.media).map(({ names, type, default: dflt, note, media }): OutputFieldView => {
      return {
        ...names,
        annotation: outputAnnotation(type, needs, this, media),
        ...(dflt !== undefined ? { default: dflt } : {}),
        ...(note !== undefined ? { note } : {}),
      };
    });
    this.models.push({ name, cogName: t.name, fields });
    return name;
  }

  /** `class Output(BaseModel): output: T`, Cog's response shape for a non-object output; added
   * after outputAnnotation() has defined the classes `annotation` uses. */
  wrapper(name: ModelClass, annotation: Annotation): void {
    this.names.add(name);
    this.models.push({ name, cogName: '', fields: [{ ident: 'output', annotation }] });
  }

  /** `class OutputChunk(BaseModel): output: T`: one event of a concatenated stream (its new
   * text), named apart from the user's classes. */
  chunk(annotation: Annotation): ModelClass {
    const name = this.uniqueName('Chunk');
    this.wrapper(name, annotation);
    return name;
  }

  private uniqueName(userClass: string): ModelClass {
    let name = modelClass(this.prefix, userClass);
    for (let i = 2; this.names.has(name); i++) name = modelClass(this.prefix, userClass, i);
    return name;
  }
}

/** The annotation of an output value: files become fal.toolkit.File, or Image / Video / Audio
 * when `media` says what they are (declared so, fal keeps an Image's width and height). */
export function outputAnnotation(t: IrType, needs: Needs, models: OutputModels, media?: MediaKind): Annotation {
  const inner = (u: IrType) => outputAnnotation(u, needs, models, media);
  switch (t.kind) {
    case 'str': return ann('str');
    case 'int': return ann('int');
    case 'float': return ann('float');
    case 'bool': return ann('bool');
    case 'path':
    case 'file':
      needs.toFile = true;
      if (media === undefined) return ann('File');
      needs.mediaOutputs[media] = true;
      return ann(OUTPUT_CLASS[media]);
    case 'secret': return ann('str');
    case 'dict':
      needs.dict = true;
      // A typed dict keeps its value type in the response schema, as Cog's does; values holding
      // files stay Any (they are returned as they are, not converted).
      if (t.values && !hasFiles(t.values)) return ann('Dict', ann('str'), inner(t.values));
      // A bare `dict` stays bare: `Dict[str, Any]` is a typed dict to Cog (additionalProperties).
      if (!t.values) return ann('dict');
      needs.any = true;
      return ann('Dict', ann('str'), ann('Any'));
    case 'list':
    case 'iterator':
    case 'concatenateIterator':
    case 'asyncIterator':
    case 'asyncConcatenateIterator':
      needs.list = true;
      return ann('List', inner(t.items));
    case 'optional':
      needs.optional = true;
      return ann('Optional', inner(t.inner));
    case 'object':
      return ann(models.classFor(t, needs));
    default:
      needs.any = true;
      return ann('Any');
  }
}

/** A file, or a list / optional of files: what a media kind can describe (not nested models). */
function holdsFiles(t: IrType): boolean {
  if (t.kind === 'path' || t.kind === 'file') return true;
  if (t.kind === 'list') return holdsFiles(t.items);
  if (t.kind === 'optional') return holdsFiles(t.inner);
  return false;
}

function hasFiles(t: IrType): boolean {
  switch (t.kind) {
    case 'path': case 'file': case 'object': return true;
    case 'list': return hasFiles(t.items);
    case 'optional': return hasFiles(t.inner);
    default: return false;
  }
}

/** How an output file is converted: `_to_file(x)` (or `_to_image(x)` ...), or off the event
 * loop in async endpoints. */
export type FileCall = (expr: string, fn: FileFunction) => string;
export type FileFunction = '_to_file' | '_to_image' | '_to_video' | '_to_audio';
export const syncFileCall: FileCall = (e, fn) => `${fn}(${e})`;
export const asyncFileCall: FileCall = (e, fn) => `await asyncio.to_thread(${fn}, ${e})`;

const FILE_FUNCTION: Readonly<Record<MediaKind, FileFunction>> = { image: '_to_image', video: '_to_video', audio: '_to_audio' };

/** Python expression turning the predictor's value `expr` into the output annotation's type. */
export function outputConversion(
  t: IrType, expr: string, needs: Needs, models: OutputModels, fileCall: FileCall = syncFileCall, depth = 0, media?: MediaKind,
): string {
  const inner = (u: IrType, e: string, m = media) => outputConversion(u, e, needs, models, fileCall, depth + 1, m);
  switch (t.kind) {
    case 'path':
    case 'file':
      needs.toFile = true;
      if (media !== undefined) needs.mediaOutputs[media] = true;
      if (fileCall === asyncFileCall) needs.asyncio = true;
      return fileCall(expr, media === undefined ? '_to_file' : FILE_FUNCTION[media]);
    case 'secret':
      return `str(${expr})`;
    case 'list': {
      if (!hasFiles(t.items)) return expr;
      const v = `item${depth === 0 ? '' : depth}`;
      return `[${inner(t.items, v)} for ${v} in ${expr}]`;
    }
    case 'optional':
      if (!hasFiles(t.inner)) return expr;
      return `None if ${expr} is None else ${outputConversion(t.inner, expr, needs, models, fileCall, depth, media)}`;
    case 'object': {
      const cls = models.classFor(t, needs);
      const plans = fieldPlans(t, models.reserved, models.media);
      // The predictor's object is read under the attribute name Python gave the field.
      const attr = (name: string) => (isPyIdentifier(name) ? `${expr}.${pyIdent(name)}` : `getattr(${expr}, ${pyStr(name)})`);
      const value = (p: FieldPlan) => inner(p.type, attr(pythonName(p.field.name)), p.media);
      if (plans.every(({ names }) => names.alias === undefined)) {
        return `${cls}(${plans.map((p) => `${p.names.ident}=${value(p)}`).join(', ')})`;
      }
      // Aliased fields are set through a dict keyed by alias: pyright types the constructor's
      // keywords by alias, and validation by alias works without populate_by_name.
      return `${cls}.model_validate({${plans.map((p) => `${pyStr(p.names.alias ?? p.names.ident)}: ${value(p)}`).join(', ')}})`;
    }
    default:
      return expr;
  }
}

/** Where an output type is too loose to describe (CM410): the output itself, or the innermost
 * field of a Cog output class whose type is loose. */
export interface LooseSpot {
  field?: { owner: string; field: ObjectField };
}

export function looseSpots(t: IrType, at?: LooseSpot['field']): LooseSpot[] {
  let spots: LooseSpot[];
  switch (t.kind) {
    case 'any': spots = [at ? { field: at } : {}]; break;
    case 'list': case 'iterator': case 'concatenateIterator': case 'asyncIterator': case 'asyncConcatenateIterator':
      spots = looseSpots(t.items, at); break;
    case 'optional': spots = looseSpots(t.inner, at); break;
    case 'object': spots = t.fields.flatMap((f) => looseSpots(f.type, { owner: t.name, field: f })); break;
    default: spots = [];
  }
  // A class used in several places is reported once per field.
  const seen = new Set<string>();
  return spots.filter((s) => {
    const key = s.field ? `${s.field.field.loc.file}:${s.field.field.loc.line}:${s.field.field.loc.column}:${s.field.owner}.${s.field.field.name}` : '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
