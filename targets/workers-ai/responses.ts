// The Cog-shaped failure both Workers answer with: a client of Cog's API reads `status` and
// `error` of a failed prediction, never a platform's plain-text error page.

import { StructureKind, type FunctionDeclarationStructure } from 'ts-morph';

export const COG_ERROR = 'cogError';

export function cogErrorFunction(): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: COG_ERROR,
    docs: [{ kind: StructureKind.JSDoc, description: 'A failed prediction in the shape Cog answers with.' }],
    parameters: [{ name: 'status', type: 'number' }, { name: 'detail', type: 'string' }],
    returnType: 'Response',
    statements: (w) => { w.writeLine('return Response.json({ status: "failed", error: detail }, { status });'); },
  };
}
