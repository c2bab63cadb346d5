// The library's public API: everything a program embedding cog-migrate needs, in pipeline order.

export type * from './ir/types.js';
export { IR_VERSION } from './ir/types.js';
export type { Finding, Severity } from './findings/types.js';
export { ALL_CODES, codeSpec, type CodeSpec } from './findings/codes/index.js';
export { renderFindingsText } from './findings/reporters/text.js';
export { findingsToJson } from './findings/reporters/json.js';
export { renderFindingsMarkdown } from './findings/reporters/markdown.js';

export { readCog, type ReadResult } from './frontends/cog/index.js';
export { loadCogConfig } from './frontends/cog/config/index.js';
export { extractPredictor } from './frontends/cog/predictor/index.js';
export { irToJson, irFromJson } from './ir/json.js';
export { toOpenApi, buildOpenApi } from './ir/openapi.js';

export { dockerfileFor, pruneDockerfile, parseDockerfile, explainDockerfile, renderDockerfile, COG_RELEASE } from './dockerfile/index.js';
export type { Dockerfile, DockerfilePlan, DockerfileChange, Instruction } from './dockerfile/index.js';

export type { Target, TargetName, TargetResult, EmittedFile, AppliedMapping } from './target/types.js';
export { falTarget } from '../targets/fal/index.js';
export { convert, convertIr, type ConvertResult } from './convert/index.js';
export { writeOutput, type OutputFile, type WriteResult } from './fs/write-output.js';

export { verify, LEVELS, type VerifyLevel, type VerifyOptions, type VerifyResult } from './verify/index.js';
export { TOOL_VERSION } from './version.js';
