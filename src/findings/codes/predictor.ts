import type { CodeSpec } from './types.js';

// CM2xx: the predictor (Python). Errors are what Cog itself would reject (its Python SDK 0.19.x
// inspector and the Go static parser apply the same rules); warnings are what we could not read
// statically and kept as written.
export const predictorCodes: CodeSpec[] = [
  { code: 'CM201', defaultSeverity: 'error', title: 'Predictor file cannot be read', hint: 'Check the path in cog.yaml: it must name a UTF-8 Python file inside the project (no `..`, no symlink leaving it).' },
  { code: 'CM202', defaultSeverity: 'error', title: 'Python syntax error', hint: 'Fix the syntax error; Cog could not import this file either.' },
  { code: 'CM203', defaultSeverity: 'error', title: 'Predictor class or function not found', hint: 'The name after `:` in cog.yaml must be a class or function defined (or imported) at the top level of the file.' },
  { code: 'CM204', defaultSeverity: 'warning', title: 'Default is not a literal; kept as source text', hint: 'Use a literal or a module-level constant. Cog 0.19 and older evaluate such a default when the predictor is imported; Cog 0.20+ (static schema parser) refuses a plain non-literal default and reads one inside Input() as no default, so the schema (ours too) shows that input as required. Check the generated code by hand.' },
  { code: 'CM205', defaultSeverity: 'warning', title: 'Choices are not a literal; kept as source text', hint: 'Write choices as a literal list or a module-level constant; the schema cannot list them otherwise, and Cog 0.20+ (static schema parser) refuses the predictor.' },
  { code: 'CM206', defaultSeverity: 'error', title: 'Malformed predictor reference', hint: 'Write it as `path/to/file.py:Name`.' },
  { code: 'CM207', defaultSeverity: 'warning', title: 'Predictor base class not recognised', hint: 'Subclass cog.BasePredictor (or BaseRunner); the base could not be followed statically, so it was read as a predictor anyway.' },
  { code: 'CM208', defaultSeverity: 'error', title: 'Predictor has no predict/train/run method', hint: 'Define the method Cog calls (predict, train, or run for BaseRunner) on the class or a local base class.' },
  { code: 'CM209', defaultSeverity: 'warning', title: 'Type not supported or not resolvable; read as Any', hint: 'Cog accepts str, int, float, bool, Path, File, Secret, Any, dict, List[...] and Optional[...] for inputs; check the annotation.' },
  { code: 'CM210', defaultSeverity: 'error', title: 'Input has no type annotation', hint: 'Cog requires an annotation on every predict() parameter, e.g. `prompt: str = Input(...)`.' },
  { code: 'CM211', defaultSeverity: 'error', title: 'Predict method has no return annotation', hint: 'Cog requires a return annotation, e.g. `-> Path`; the output was read as Any.' },
  { code: 'CM212', defaultSeverity: 'error', title: 'Unknown argument to Input()', hint: 'Input() accepts default, description, ge, le, min_length, max_length, regex, choices and deprecated.' },
  { code: 'CM213', defaultSeverity: 'error', title: 'choices must have at least two items', hint: 'Give two or more choices, or drop choices and use a default.' },
  { code: 'CM214', defaultSeverity: 'error', title: 'choices on a type that cannot have them', hint: 'Cog allows choices only on str and int inputs (and lists of them).' },
  { code: 'CM215', defaultSeverity: 'error', title: 'Constraint does not fit the input type', hint: 'ge/le need int or float; min_length/max_length/regex need str; choices exclude ge/le and min_length/max_length.' },
  { code: 'CM216', defaultSeverity: 'error', title: 'Unsupported parameter form (*args, **kwargs, keyword-only)', hint: 'Cog accepts only plain named parameters in predict(), after `self` for a class; remove *args/**kwargs and the bare `*`.' },
  { code: 'CM217', defaultSeverity: 'warning', title: 'Input() argument is not a literal; left out', hint: 'Use a literal or module-level constant for description, ge, le, min_length, max_length, regex and deprecated.' },
  { code: 'CM218', defaultSeverity: 'error', title: 'setup() takes parameters Cog cannot pass', hint: 'setup() may take only `weights` besides self (other parameters need defaults), and must return None.' },
  { code: 'CM219', defaultSeverity: 'error', title: 'Predictor file too large or complex to analyse in time', hint: 'Move large data out of the predictor file (into a data file or module).' },
  { code: 'CM220', defaultSeverity: 'warning', title: 'Local module cannot be read', hint: 'The predictor imports a module of the project that is missing or unreadable, or a module a default, choice or type is resolved in has a syntax error; Cog would fail at import. A module nothing is resolved in is not parsed while reading: `verify --level static` reports its syntax errors (CM501).' },
  { code: 'CM221', defaultSeverity: 'error', title: 'Default violates the input constraints', hint: 'Make the default satisfy ge/le, min_length/max_length and regex.' },
  { code: 'CM222', defaultSeverity: 'error', title: 'Output type Cog does not accept', hint: 'Outputs may not be Optional; iterator items must be a single type; ConcatenateIterator must yield str.' },
  { code: 'CM223', defaultSeverity: 'error', title: 'choices do not match the input type', hint: 'Every choice must have the type of the input (all str or all int).' },
  { code: 'CM224', defaultSeverity: 'warning', title: 'Legacy @cog.input does not match a parameter', hint: 'Each @cog.input("name", ...) must name a parameter of predict().' },
  { code: 'CM225', defaultSeverity: 'info', title: 'Large predictor file parsed in part', hint: 'Only imports, classes, small statements and the predictor itself were parsed; uses of Cog runtime APIs elsewhere in the file were not looked for.' },
  { code: 'CM227', defaultSeverity: 'error', title: 'Default is not one of the choices', hint: 'Make the default one of the choices; Cog would advertise a default its own schema refuses.' },
  { code: 'CM228', defaultSeverity: 'warning', title: 'Output models nested too deeply', hint: 'Output models inside output models more than 32 deep are read as Any (no schema for the deeper part). Flatten the output.' },
  { code: 'CM229', defaultSeverity: 'warning', title: 'Constant too large or too costly to evaluate statically', hint: 'The value is built from other constants into something very large (or through very many steps); it is kept as source text. Write the value out, or shorten it.' },
  { code: 'CM226', defaultSeverity: 'warning', title: 'Output class field has no type annotation', hint: 'Annotate every field of the Output model.' },
];
