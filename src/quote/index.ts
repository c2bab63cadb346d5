export { pyStr, pyIdent, pyLiteral, isPyIdentifier } from './python.js';
export { tsStr, isTsIdentifier } from './typescript.js';
export { yamlScalar } from './yaml.js';
