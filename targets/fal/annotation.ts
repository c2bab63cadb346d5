// Annotations of app.py's model fields, built only from a closed set of type names, generated
// model class names and Python literals, so no user text can become part of an annotation
// except inside a string literal (issue 18). `Annotation` is a branded string: the only way to
// get one is through the functions here.

import { pyLiteral } from '../../src/quote/index.js';
import { classNamePart } from './names.js';

/** Every type name an annotation may use. */
const TYPE_NAMES = ['str', 'int', 'float', 'bool', 'Any', 'Dict', 'dict', 'List', 'Optional', 'Literal', 'Annotated', 'SecretStr', 'File', 'Image', 'Video', 'Audio'] as const;
export type TypeName = typeof TYPE_NAMES[number];

declare const annotationBrand: unique symbol;
/** Python code of an annotation. */
export type Annotation = string & { readonly [annotationBrand]: true };

declare const classBrand: unique symbol;
/** A generated model class name: `Input`, `TrainInput`, `Output<part>` or `TrainOutput<part>`. */
export type ModelClass = string & { readonly [classBrand]: true };

export type ModelPrefix = 'Input' | 'TrainInput' | 'Output' | 'TrainOutput';

/** `prefix` plus the sanitised user class name and a counter that keeps it unique. */
export function modelClass(prefix: ModelPrefix, userClass?: string, counter?: number): ModelClass {
  const part = userClass === undefined ? '' : classNamePart(userClass);
  return `${prefix}${part}${counter === undefined ? '' : String(counter)}` as ModelClass;
}

export function ann(name: TypeName | ModelClass, ...args: Annotation[]): Annotation {
  if (!(TYPE_NAMES as readonly string[]).includes(name) && !/^(Train)?(Input|Output)[A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`not an annotation name: ${JSON.stringify(name)}`);
  }
  return (args.length === 0 ? name : `${name}[${args.join(', ')}]`) as Annotation;
}

export type Scalar = string | number | boolean;

/** A Python literal of a scalar of the field's type: JSON cannot tell 1.0 from 1, the type can. */
export function scalarLiteral(value: Scalar, isFloat: boolean): string {
  const s = pyLiteral(value);
  return isFloat && typeof value === 'number' && /^-?[0-9]+$/.test(s) ? `${s}.0` : s;
}

/** `Literal[...]` of the choices. */
export function literalAnn(choices: Scalar[], isFloat: boolean): Annotation {
  return `Literal[${choices.map((c) => scalarLiteral(c, isFloat)).join(', ')}]` as Annotation;
}

/** `Annotated[base, _one_of(...)]`: choices typing.Literal cannot hold (floats). */
export function oneOfAnn(base: Annotation, choices: Scalar[], isFloat: boolean): Annotation {
  return `Annotated[${base}, _one_of(${choices.map((c) => scalarLiteral(c, isFloat)).join(', ')})]` as Annotation;
}
