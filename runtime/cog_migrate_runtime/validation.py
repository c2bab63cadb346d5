"""Input validation as Cog's server (coglet) does it: the request's input object is checked
against components.schemas.Input of the OpenAPI schema the adapter ships (openapi.json, the
document `cog-migrate inspect --openapi` prints), and every problem becomes one 422 detail entry
in coglet's words:

    {"loc": ["body", "input", "width"], "msg": "5 is less than the minimum of 64", "type": "value_error"}

Errors come property by property in name order (a property's type error last), then the missing
required inputs as "Field required" (type "value_error.missing"). Unknown inputs are dropped, as
coglet drops them. Standard library only.
"""

import json
import re
import typing

Schema = typing.Dict[str, typing.Any]
Detail = typing.Dict[str, typing.Any]

_JSON_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "object": "object", "array": "array"}


def _json(value: typing.Any) -> str:
    """A value as coglet prints it in messages: compact JSON."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _is_type(value: typing.Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "null":
        return value is None
    return True


def _resolve(prop: Schema, schemas: typing.Mapping[str, Schema]) -> Schema:
    """Merges `allOf: [{$ref}]` (how Cog's schema spells choices) into one flat schema."""
    merged: Schema = {k: v for k, v in prop.items() if k != "allOf"}
    for part in typing.cast(typing.List[Schema], prop.get("allOf", [])):
        ref = part.get("$ref")
        target = schemas.get(ref.rsplit("/", 1)[-1], {}) if isinstance(ref, str) else part
        for key, value in target.items():
            merged.setdefault(key, value)
    return merged


def check(value: typing.Any, prop: Schema, schemas: typing.Mapping[str, Schema]) -> typing.List[str]:
    """The messages for one value against one property schema, in coglet's order."""
    schema = _resolve(prop, schemas)
    if value is None and schema.get("nullable"):
        return []
    messages: typing.List[str] = []
    kind = schema.get("type")
    if "enum" in schema and value not in schema["enum"]:
        messages.append(f"{_json(value)} is not one of {_json(schema['enum'])}")
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if numeric and "minimum" in schema and value < schema["minimum"]:
        messages.append(f"{_json(value)} is less than the minimum of {_json(schema['minimum'])}")
    if numeric and "maximum" in schema and value > schema["maximum"]:
        messages.append(f"{_json(value)} is greater than the maximum of {_json(schema['maximum'])}")
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            unit = "character" if schema["minLength"] == 1 else "characters"
            messages.append(f"{_json(value)} is shorter than {schema['minLength']} {unit}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            unit = "character" if schema["maxLength"] == 1 else "characters"
            messages.append(f"{_json(value)} is longer than {schema['maxLength']} {unit}")
        if "pattern" in schema and re.search(schema["pattern"], value) is None:
            messages.append(f"{_json(value)} does not match {_json(schema['pattern'])}")
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in typing.cast(typing.List[typing.Any], value):
            messages.extend(check(item, typing.cast(Schema, schema["items"]), schemas))
    if isinstance(kind, str) and kind in _JSON_TYPES and not _is_type(value, kind):
        messages.append(f"{_json(value)} is not of type {_json(kind)}")
    return messages


def validate(payload: typing.Any, schemas: typing.Mapping[str, Schema], name: str = "Input") -> typing.Tuple[typing.Dict[str, typing.Any], typing.List[Detail]]:
    """(the inputs predict() gets, the 422 details); details empty means valid."""
    schema = schemas.get(name, {})
    properties = typing.cast(typing.Dict[str, Schema], schema.get("properties", {}))
    if not isinstance(payload, dict):
        return {}, [{"loc": ["body", "input", "__root__"], "msg": f"{_json(payload)} is not of type \"object\"", "type": "value_error"}]
    given = typing.cast(typing.Dict[str, typing.Any], payload)
    details: typing.List[Detail] = []
    for key in sorted(k for k in given if k in properties):
        for message in check(given[key], properties[key], schemas):
            details.append({"loc": ["body", "input", key], "msg": message, "type": "value_error"})
    for key in typing.cast(typing.List[str], schema.get("required", [])):
        if key not in given:
            details.append({"loc": ["body", "input", key], "msg": "Field required", "type": "value_error.missing"})
    return {k: v for k, v in given.items() if k in properties}, details
