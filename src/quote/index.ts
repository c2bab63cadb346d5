export { pyStr, pyIdent, pyLiteral, pyComment, isPyIdentifier } from './python.js';
export { tsStr, isTsIdentifier } from './typescript.js';
export { yamlScalar } from './yaml.js';
