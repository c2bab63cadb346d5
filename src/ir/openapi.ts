// OpenAPI generation from the IR: the document Cog itself serves at /openapi.json.
//
// By default the rules of Cog's static schema generator (Cog >= 0.20, pkg/schema in
// replicate/cog), which is what a model built today serves. `dialect: 'python-0.19'` gives the
// schema of the last Python-built generation (cog 0.19.x SDK), the one our oracle test runs.
// docs/openapi.md lists every rule and where the generations differ.

import type { CogIR, Predictor } from './types.js';
import type { JsonObject } from './openapi/json.js';
import { rulesFor, type OpenApiDialect } from './openapi/rules.js';
import type { OpenApiNote } from './openapi/notes.js';
import { buildInputComponent } from './openapi/inputs.js';
import { buildOutputComponent } from './openapi/outputs.js';
import { mergeModes, modeDocument, modeNames, type Mode } from './openapi/document.js';

export type { Json, JsonObject } from './openapi/json.js';
export type { OpenApiNote, OpenApiNoteKind } from './openapi/notes.js';
export { COG_STATIC_VERSION, goTitle, pythonTitle, type OpenApiDialect } from './openapi/rules.js';

export interface OpenApiOptions {
  /** Which Cog generation's rules to follow. Default 'static' (Cog >= 0.20). */
  dialect?: OpenApiDialect;
  /** `info.version` for the static dialect: the Cog CLI version that built the image. */
  cogVersion?: string;
  /**
   * Static dialect: write the values the model has when it runs (what Cog 0.19 evaluated at
   * import) where Cog's current static generator reads less (`Input.staticCog`). For the schema
   * a converted model validates requests against on its new platform; `inspect --openapi` and
   * the Cog target leave it off and follow Cog's generator exactly.
   */
  runtimeValues?: boolean;
}

export interface OpenApiResult {
  /**
   * The OpenAPI 3.0.2 document. Keys follow the 0.19 SDK's insertion order (static Cog sorts most
   * keys when it marshals); JSON object order carries no meaning, properties keep signature order.
   */
  schema: JsonObject;
  /**
   * What could not be written exactly as Cog would (defaults or choices kept as source text,
   * types Cog rejects). Empty when the schema is exact. Callers turn these into findings.
   */
  notes: OpenApiNote[];
}

function rulesOf(options: OpenApiOptions): ReturnType<typeof rulesFor> {
  const rules = rulesFor(options.dialect ?? 'static', options.cogVersion);
  if (options.runtimeValues) rules.readsAsStaticCog = false;
  return rules;
}

/** Whether Cog's schema requires an input, and whether it declares it nullable. */
export interface InputPresence {
  required: boolean;
  nullable: boolean;
}

/**
 * Per input of `predictor`, what its `Input` component says of presence, exactly as the
 * document writes it: for code that must accept and refuse what Cog's schema does (the Workers
 * AI Worker's input check), so the rules (`x: int = Input(default=None)` is required, a default
 * static Cog cannot read makes the input required) live in one place.
 */
export function inputPresence(predictor: Predictor, options: OpenApiOptions = {}): Map<string, InputPresence> {
  const { input } = buildInputComponent(predictor, 'Input', rulesOf(options), []);
  const required = new Set((input.required as string[] | undefined) ?? []);
  const properties = input.properties as Record<string, { nullable?: boolean }>;
  return new Map(predictor.inputs.map((i) => [i.name, { required: required.has(i.name), nullable: properties[i.name]?.nullable === true }]));
}

/** The document Cog serves for the project. Use buildOpenApi() to also learn what was inexact. */
export function toOpenApi(ir: CogIR, options: OpenApiOptions = {}): JsonObject {
  return buildOpenApi(ir, options).schema;
}

/** The document plus notes on what it could not reproduce exactly (for the caller to warn). */
export function buildOpenApi(ir: CogIR, options: OpenApiOptions = {}): OpenApiResult {
  const rules = rulesOf(options);
  const notes: OpenApiNote[] = [];
  const { predict, train } = ir.predictors;

  const documentFor = (mode: Mode, predictor: Predictor | undefined): JsonObject => {
    const names = modeNames(mode, rules);
    if (!predictor) {
      notes.push({ kind: 'no-predictor', role: mode, message: 'the project names neither predict nor train; Input and Output are empty' });
      return modeDocument(mode, { input: { title: names.input, type: 'object', properties: {} }, output: { title: 'Output' }, enums: [] }, rules);
    }
    const { input, enums } = buildInputComponent(predictor, names.input, rules, notes);
    // Both generations title the output component 'Output', even when it is TrainingOutput.
    const output = buildOutputComponent(predictor.output, 'Output', rules, mode, notes);
    return modeDocument(mode, { input, output, enums }, rules);
  };

  if (predict && train && rules.servesBothModes) {
    return { schema: mergeModes(documentFor('predict', predict), documentFor('train', train)), notes };
  }
  if (!predict && train) return { schema: documentFor('train', train), notes };
  return { schema: documentFor('predict', predict), notes };
}
