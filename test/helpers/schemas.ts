// Validators for the batch report formats: ajv for report.json (its own schema in docs/) and for
// SARIF (the vendored SARIF 2.1.0 schema, draft-04), xmllint-wasm for JUnit (the vendored XSD).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import * as draft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const ROOT = resolve(import.meta.dirname, '../..');
const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as object;

export function reportJsonErrors(doc: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(json('docs/schemas/batch-report.v1.json'));
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export function sarifErrors(doc: unknown): string[] {
  // CommonJS default export under NodeNext: the class is `.default` of the namespace.
  const AjvDraft04 = draft04.default as unknown as typeof draft04.default.default;
  // The SARIF schema's language-tag pattern is not valid with the `u` flag; it is with plain RegExp.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(json('test/schemas/sarif-2.1.0-rtm.5.json'));
  return validate(doc) ? [] : (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`);
}

export async function junitErrors(xml: string): Promise<string[]> {
  const r = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: readFileSync(join(ROOT, 'test/schemas/junit.xsd'), 'utf8') }],
  });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}
