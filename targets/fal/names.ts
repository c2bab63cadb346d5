// Python names of app.py that come from the user's project: the fields of the generated Pydantic
// models and the generated model classes. A model class body evaluates its annotations and
// defaults in its own namespace first, so a field called `str` (or `Field`, `Optional`, a model
// class name) would make a later annotation or default mean the user's value: a string default
// is then evaluated by pydantic as a forward reference, i.e. run as code (issue 18). So a field's
// identifier never equals a name app.py uses: not a builtin, not a typing name, not a name app.py
// imports or defines, not a BaseModel attribute, not a generated class. The user's name is kept as
// the field's `alias=`, so requests, responses and the OpenAPI schema are unchanged.

import { isPyIdentifier, pyIdent } from '../../src/quote/index.js';

/** The public names of Python's `builtins` module, 3.8 to 3.13 (a test holds this against the
 * SDK venv's interpreter). Names starting with `_` are not listed: no field identifier does. */
export const PYTHON_BUILTINS: readonly string[] = [
  'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException', 'BaseExceptionGroup', 'BlockingIOError',
  'BrokenPipeError', 'BufferError', 'BytesWarning', 'ChildProcessError', 'ConnectionAbortedError', 'ConnectionError',
  'ConnectionRefusedError', 'ConnectionResetError', 'DeprecationWarning', 'EOFError', 'Ellipsis', 'EncodingWarning',
  'EnvironmentError', 'Exception', 'ExceptionGroup', 'False', 'FileExistsError', 'FileNotFoundError',
  'FloatingPointError', 'FutureWarning', 'GeneratorExit', 'IOError', 'ImportError', 'ImportWarning', 'IndentationError',
  'IndexError', 'InterruptedError', 'IsADirectoryError', 'KeyError', 'KeyboardInterrupt', 'LookupError', 'MemoryError',
  'ModuleNotFoundError', 'NameError', 'None', 'NotADirectoryError', 'NotImplemented', 'NotImplementedError', 'OSError',
  'OverflowError', 'PendingDeprecationWarning', 'PermissionError', 'ProcessLookupError', 'PythonFinalizationError',
  'RecursionError', 'ReferenceError', 'ResourceWarning', 'RuntimeError', 'RuntimeWarning', 'StopAsyncIteration',
  'StopIteration', 'SyntaxError', 'SyntaxWarning', 'SystemError', 'SystemExit', 'TabError', 'TimeoutError', 'True',
  'TypeError', 'UnboundLocalError', 'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError',
  'UnicodeWarning', 'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError', 'abs', 'aiter', 'all', 'anext', 'any',
  'ascii', 'bin', 'bool', 'breakpoint', 'bytearray', 'bytes', 'callable', 'chr', 'classmethod', 'compile', 'complex',
  'copyright', 'credits', 'delattr', 'dict', 'dir', 'divmod', 'enumerate', 'eval', 'exec', 'exit', 'filter', 'float',
  'format', 'frozenset', 'getattr', 'globals', 'hasattr', 'hash', 'help', 'hex', 'id', 'input', 'int', 'isinstance',
  'issubclass', 'iter', 'len', 'license', 'list', 'locals', 'map', 'max', 'memoryview', 'min', 'next', 'object', 'oct',
  'open', 'ord', 'pow', 'print', 'property', 'quit', 'range', 'repr', 'reversed', 'round', 'set', 'setattr', 'slice',
  'sorted', 'staticmethod', 'str', 'sum', 'super', 'tuple', 'type', 'vars', 'zip',
];

/** `typing.__all__` (3.8 to 3.13; a test holds it against the venv's interpreter). */
export const TYPING_NAMES: readonly string[] = [
  'AbstractSet', 'Annotated', 'Any', 'AnyStr', 'AsyncContextManager', 'AsyncGenerator', 'AsyncIterable', 'AsyncIterator',
  'Awaitable', 'BinaryIO', 'ByteString', 'Callable', 'ChainMap', 'ClassVar', 'Collection', 'Concatenate', 'Container',
  'ContextManager', 'Coroutine', 'Counter', 'DefaultDict', 'Deque', 'Dict', 'Final', 'ForwardRef', 'FrozenSet',
  'Generator', 'Generic', 'Hashable', 'IO', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'List', 'Literal',
  'LiteralString', 'Mapping', 'MappingView', 'Match', 'MutableMapping', 'MutableSequence', 'MutableSet', 'NamedTuple',
  'Never', 'NewType', 'NoDefault', 'NoReturn', 'NotRequired', 'Optional', 'OrderedDict', 'ParamSpec', 'ParamSpecArgs',
  'ParamSpecKwargs', 'Pattern', 'Protocol', 'ReadOnly', 'Required', 'Reversible', 'Self', 'Sequence', 'Set', 'Sized',
  'SupportsAbs', 'SupportsBytes', 'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
  'TYPE_CHECKING', 'Text', 'TextIO', 'Tuple', 'Type', 'TypeAlias', 'TypeAliasType', 'TypeGuard', 'TypeIs', 'TypeVar',
  'TypeVarTuple', 'TypedDict', 'Union', 'Unpack', 'ValuesView', 'assert_never', 'assert_type', 'cast', 'clear_overloads',
  'dataclass_transform', 'final', 'get_args', 'get_origin', 'get_overloads', 'get_protocol_members', 'get_type_hints',
  'is_protocol', 'is_typeddict', 'no_type_check', 'no_type_check_decorator', 'overload', 'override', 'reveal_type',
  'runtime_checkable',
];

/** Public attributes of fal's FalBaseModel and pydantic's BaseModel (`model_*` is refused by
 * prefix); a test holds this against `dir(FalBaseModel)` of the pinned SDK. */
export const MODEL_ATTRIBUTES: readonly string[] = [
  'FIELD_ORDERS', 'SCHEMA_IGNORES', 'construct', 'copy', 'dict', 'from_orm', 'json', 'parse_file', 'parse_obj',
  'parse_raw', 'schema', 'schema_json', 'update_forward_refs', 'validate',
];

/** Every other name app.py can use at module level or in a class body: its imports (stdlib,
 * typing_extensions, pydantic, fal, fal.toolkit, fastapi) and its own module-level names. An AST
 * test over the emitted apps checks that each name they load is here or in the lists above. */
export const APP_NAMES: readonly string[] = [
  // stdlib modules and pathlib
  'asyncio', 'base64', 'importlib', 'json', 'mimetypes', 'os', 'sys', 'tempfile', 'urllib', 'Path',
  // fal and its toolkit
  'fal', 'FalBaseModel', 'Field', 'FileField', 'ImageField', 'AudioField', 'VideoField', 'Hidden', 'File', 'Image',
  'Audio', 'Video', 'download_file', 'download_model_weights', 'ContainerImage',
  'AppException', 'FalServerlessException', 'catch_gpu_exceptions',
  // pydantic, fastapi
  'BaseModel', 'ConfigDict', 'SecretStr', 'AfterValidator', 'StreamingResponse', 'Response',
  // the shared adapter code (runtime/cog_migrate_runtime)
  'cog_migrate_runtime', 'load_module', 'open_file', 'to_local_path', 'active', 'billable_units', 'new_scope', 'image_size',
  'input_failures', 'reported', 'streamed', 'astreamed',
  // app.py's own module-level names (helpers start with `_`, which no field identifier does)
  'DOCKERFILE', 'PROJECT_DIR', 'BUILD_SECRETS', 'BILLABLE_METRIC', 'REQUIREMENTS', 'APP_FILES_IGNORE', 'model_config',
  // names of the BUILD_SECRETS comprehension (module level)
  'secret_id', 'variable',
];

const RESERVED = new Set([...PYTHON_BUILTINS, ...TYPING_NAMES, ...MODEL_ATTRIBUTES, ...APP_NAMES]);

/** Generated model classes are `Input`, `TrainInput`, `Output...` and `TrainOutput...`; a field
 * identifier never starts like one, so no field can shadow a class another field's annotation
 * names, whatever the user's classes are called. */
const GENERATED_CLASS = /^(Train)?(Input|Output)/;

/** Python normalises identifiers to NFKC when it reads them: `ｐrompt` in predict.py is the
 * parameter `prompt`. Names from the user's source are compared and passed in that form. */
export function pythonName(name: string): string {
  return name.normalize('NFKC');
}

/** A safe identifier for a user's name: ASCII letters, digits and `_`, no leading `_` or
 * digit, outside pydantic's `model_` namespace. Not yet checked against reserved names. */
function sanitise(name: string): string {
  let base = pythonName(name).replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+/, '');
  if (base === '' || /^[0-9]/.test(base) || base.startsWith('model_')) base = `field_${base}`;
  if (GENERATED_CLASS.test(base)) base = `field_${base}`;
  return base;
}

/** True when `ident` is a name a model field may take: safe, and shadows nothing app.py uses. */
export function isFreeFieldName(ident: string, extraReserved: ReadonlySet<string> = new Set()): boolean {
  return isPyIdentifier(ident) && !ident.startsWith('_') && !ident.startsWith('model_') && !GENERATED_CLASS.test(ident)
    && !RESERVED.has(ident) && !extraReserved.has(ident);
}

export interface FieldNames {
  /** The Python identifier of the field (always from the sanitiser). */
  ident: string;
  /** The user's name (Python-normalised) when it differs from `ident`: the field's alias=. */
  alias?: string;
}

/** Field identifiers for the fields of one model, in order. A name that is already free keeps
 * its spelling; the others become `name_` (or `name_2`, ...) with the user's name as alias.
 * `extraReserved`: names of this app (its class name) fields must not take either. */
export function fieldNames<F extends { name: string }>(
  fields: F[], extraReserved: ReadonlySet<string> = new Set(),
): { field: F; names: FieldNames }[] {
  const free = (n: string) => isFreeFieldName(n, extraReserved);
  const taken = new Set(fields.map((f) => pythonName(f.name)).filter(free));
  return fields.map((field) => {
    const name = pythonName(field.name);
    if (free(name)) return { field, names: { ident: pyIdent(name) } };
    const base = sanitise(name);
    let ident = free(base) && !taken.has(base) ? base : `${base}_`;
    for (let i = 2; taken.has(ident) || !free(ident); i++) ident = `${base}_${i}`;
    taken.add(ident);
    return { field, names: { ident: pyIdent(ident), alias: name } };
  });
}

/** The part of a generated class name that comes from a user's class name (`Output<part>`). */
export function classNamePart(name: string): string {
  const cleaned = pythonName(name).replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z0-9_]+$/.test(cleaned) ? cleaned : 'Model';
}
