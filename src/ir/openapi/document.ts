// The fixed envelope Cog wraps around Input and Output: paths, request/response, Status and
// the validation-error schemas. Identical in both generations except the train wording and
// component names (see rules.ts).

import type { JsonObject } from './json.js';
import type { DialectRules } from './rules.js';

export type Mode = 'predict' | 'train';

export interface ModeComponents {
  input: JsonObject;
  output: JsonObject;
  enums: [string, JsonObject][];
}

const ok = (schema: JsonObject): JsonObject => ({
  description: 'Successful Response',
  content: { 'application/json': { schema } },
});
const validationError = (): JsonObject => ({
  description: 'Validation Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
});

export function modeNames(mode: Mode, rules: DialectRules) {
  if (mode === 'train') {
    return {
      endpoint: '/trainings',
      cancel: '/trainings/{training_id}/cancel',
      request: 'TrainingRequest',
      response: 'TrainingResponse',
      input: rules.trainComponents.input,
      output: rules.trainComponents.output,
      summary: 'Train',
      description: rules.trainDescription,
      operationId: 'train_trainings_post',
      cancelOperationId: 'cancel_trainings__training_id__cancel_post',
      idParam: 'training_id',
      idTitle: 'Training Id',
    };
  }
  return {
    endpoint: '/predictions',
    cancel: '/predictions/{prediction_id}/cancel',
    request: 'PredictionRequest',
    response: 'PredictionResponse',
    input: 'Input',
    output: 'Output',
    summary: 'Predict',
    description: 'Run a single prediction on the model',
    operationId: 'predict_predictions_post',
    cancelOperationId: 'cancel_predictions__prediction_id__cancel_post',
    idParam: 'prediction_id',
    idTitle: 'Prediction Id',
  };
}

/** One mode's complete document, as Cog builds it before merging predict and train. */
export function modeDocument(mode: Mode, parts: ModeComponents, rules: DialectRules): JsonObject {
  const n = modeNames(mode, rules);
  const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
  const schemas: JsonObject = { [n.input]: parts.input, [n.output]: parts.output };
  for (const [name, schema] of parts.enums) schemas[name] = schema;
  schemas[n.request] = {
    title: n.request,
    type: 'object',
    properties: { id: { title: 'Id', type: 'string' }, input: ref(n.input) },
  };
  schemas[n.response] = {
    title: n.response,
    type: 'object',
    properties: {
      input: ref(n.input),
      output: ref(n.output),
      id: { title: 'Id', type: 'string' },
      version: { title: 'Version', type: 'string' },
      created_at: { title: 'Created At', type: 'string', format: 'date-time' },
      started_at: { title: 'Started At', type: 'string', format: 'date-time' },
      completed_at: { title: 'Completed At', type: 'string', format: 'date-time' },
      status: { title: 'Status', type: 'string' },
      error: { title: 'Error', type: 'string' },
      logs: { title: 'Logs', type: 'string' },
      metrics: { title: 'Metrics', type: 'object' },
    },
  };
  schemas.Status = {
    title: 'Status',
    description: 'An enumeration.',
    enum: ['starting', 'processing', 'succeeded', 'canceled', 'failed'],
    type: 'string',
  };
  schemas.HTTPValidationError = {
    title: 'HTTPValidationError',
    type: 'object',
    properties: { detail: { title: 'Detail', type: 'array', items: ref('ValidationError') } },
  };
  schemas.ValidationError = {
    title: 'ValidationError',
    required: ['loc', 'msg', 'type'],
    type: 'object',
    properties: {
      loc: { title: 'Location', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
      msg: { title: 'Message', type: 'string' },
      type: { title: 'Error Type', type: 'string' },
    },
  };

  const paths: JsonObject = {
    '/': { get: { summary: 'Root', operationId: 'root__get', responses: { '200': ok({}) } } },
    '/health-check': { get: { summary: 'Healthcheck', operationId: 'healthcheck_health_check_get', responses: { '200': ok({}) } } },
    [n.endpoint]: {
      post: {
        summary: n.summary,
        description: n.description,
        operationId: n.operationId,
        requestBody: { content: { 'application/json': { schema: ref(n.request) } } },
        responses: { '200': ok(ref(n.response)), '422': validationError() },
      },
    },
    [n.cancel]: {
      post: {
        summary: 'Cancel',
        operationId: n.cancelOperationId,
        parameters: [{ required: true, schema: { title: n.idTitle, type: 'string' }, name: n.idParam, in: 'path' }],
        responses: { '200': ok({}), '422': validationError() },
      },
    },
  };

  return {
    openapi: '3.0.2',
    info: { title: 'Cog', version: rules.infoVersion },
    paths,
    components: { schemas },
  };
}

/** Cog's MergeSchemas: the predict document, plus train paths and components it lacks. */
export function mergeModes(predict: JsonObject, train: JsonObject): JsonObject {
  const paths = predict.paths as JsonObject;
  for (const [key, value] of Object.entries(train.paths as JsonObject)) if (!(key in paths)) paths[key] = value;
  const schemas = (predict.components as JsonObject).schemas as JsonObject;
  const trainSchemas = (train.components as JsonObject).schemas as JsonObject;
  for (const [key, value] of Object.entries(trainSchemas)) if (!(key in schemas)) schemas[key] = value;
  return predict;
}
