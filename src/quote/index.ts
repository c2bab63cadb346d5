export { pyStr, pyRawStr, pyIdent, pyLiteral, pyComment, isPyIdentifier } from './python.js';
export { tsStr, isTsIdentifier, tsDocText, tsNumber } from './typescript.js';
export { yamlScalar } from './yaml.js';
