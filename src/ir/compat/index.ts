// Schema compatibility between two versions of a model: the diff, its loader, and its text form.
export { diffSchemas, isBreaking } from './diff.js';
export { loadSchema, type LoadedSchema, type SchemaSource } from './load.js';
export type { SchemaChange, ChangeKind } from './types.js';
export { renderChangesText } from './render.js';
