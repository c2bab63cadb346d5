// The two generations of Cog's schema builder we reproduce. Everything that differs between
// them is a field here, so the generator reads as one set of rules with a few switches.
// Facts from replicate/cog: pkg/schema (Go static parser, Cog >= 0.20) and
// python/cog/_schemas.py + _adt.py (Cog 0.19.x SDK). See docs/openapi.md.

export type OpenApiDialect = 'static' | 'python-0.19';

/** The Cog release whose static generator these rules follow; `info.version` defaults to it. */
export const COG_STATIC_VERSION = '0.22.0';

export interface DialectRules {
  dialect: OpenApiDialect;
  infoVersion: string;
  /** Input/property titles: Go title-cases each `_` part's first letter; Python uses str.title(). */
  title: (name: string) => string;
  /** Static: one document with /predictions and /trainings; 0.19: predict, or train alone. */
  servesBothModes: boolean;
  trainDescription: string;
  trainComponents: { input: string; output: string };
  /** Static: `Optional[X] = None` writes `"default": null`; 0.19 writes no default. */
  nullDefaultOnNullable: boolean;
  /** Static: `Secret = Input(default=None)` is an optional credential (nullable, not required). */
  secretNoneIsOptional: boolean;
  /** 0.19 writes `deprecated: false` too; static only `deprecated: true`. */
  deprecatedFalse: boolean;
  /** Static resolves output types recursively; 0.19 only knows primitives and lists of them. */
  recursiveOutputs: boolean;
  /** 0.19: a bare `Any` output has no type at all; static writes `type: object`. */
  anyOutputUntyped: boolean;
  /** 0.19 coerces defaults to the input's type (`int` "3" -> 3, `float` 1 -> 1.0). */
  coerceDefaults: boolean;
  /**
   * Static: an `Input(default=...)` it cannot resolve is read as no default, so the input is
   * required; 0.19 evaluated the default at import, so the input was optional.
   */
  unresolvedDefaultRequired: boolean;
  /**
   * Static: values the frontend resolved beyond what Cog's static generator reads (an import,
   * a class attribute, a helper's parameter) are written as it reads them (`Input.staticCog`);
   * 0.19 evaluated them at import, as the IR's values are.
   */
  readsAsStaticCog: boolean;
}

export function rulesFor(dialect: OpenApiDialect, cogVersion?: string): DialectRules {
  if (dialect === 'python-0.19') {
    return {
      dialect,
      infoVersion: '0.1.0',
      title: pythonTitle,
      servesBothModes: false,
      trainDescription: 'Run a training session',
      trainComponents: { input: 'Input', output: 'Output' },
      nullDefaultOnNullable: false,
      secretNoneIsOptional: false,
      deprecatedFalse: true,
      recursiveOutputs: false,
      anyOutputUntyped: true,
      coerceDefaults: true,
      unresolvedDefaultRequired: false,
      readsAsStaticCog: false,
    };
  }
  return {
    dialect,
    infoVersion: cogVersion ?? COG_STATIC_VERSION,
    title: goTitle,
    servesBothModes: true,
    trainDescription: 'Run a single training on the model',
    trainComponents: { input: 'TrainingInput', output: 'TrainingOutput' },
    nullDefaultOnNullable: true,
    secretNoneIsOptional: true,
    deprecatedFalse: false,
    recursiveOutputs: true,
    anyOutputUntyped: false,
    coerceDefaults: false,
    unresolvedDefaultRequired: true,
    readsAsStaticCog: true,
  };
}

/**
 * Go's `TitleCase`: split on `_`, upper-case the first byte of each part, keep the rest.
 * Only ASCII letters change (Go upper-cases a single byte, which is a no-op or garbage for
 * multi-byte characters; we leave those alone).
 */
export function goTitle(name: string): string {
  return name
    .split('_')
    .map((part) => (part.length > 0 && /^[a-z]/.test(part) ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join(' ');
}

/**
 * Python's `name.replace("_", " ").title()`: a cased character after an uncased one (space,
 * digit, start) is upper-cased, every other cased character lower-cased. So `lora_2x` -> `Lora 2X`
 * and `HDR_mode` -> `Hdr Mode`.
 */
export function pythonTitle(name: string): string {
  let out = '';
  let previousCased = false;
  for (const ch of name.replace(/_/g, ' ')) {
    const cased = ch.toLowerCase() !== ch.toUpperCase();
    out += cased ? (previousCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    previousCased = cased;
  }
  return out;
}
