// The options object of a Replicate call (`{ input, wait, webhook, ... }`): which keys it sets,
// and the edits that turn it into the target's options while keeping everything else as written.

import { Node, type ObjectLiteralExpression } from 'ts-morph';
import type { InputObject } from '../ir-checks.js';
import type { TextEdit } from '../types.js';
import { listElementRemoval, literalOf, locAt, propertyName } from './source.js';

/** What becomes of each key: kept, renamed, or dropped (with the reason when the user must know). */
export type KeyRule = { keep: true } | { rename: string } | { drop: 'silent' | string };

export type OptionsPlan =
  | { ok: true; edits: TextEdit[]; dropped: string[]; values: Map<string, Node> }
  | { ok: false; reason: string };

export function planOptions(obj: Node | undefined, rules: Record<string, KeyRule>): OptionsPlan {
  if (!obj || !Node.isObjectLiteralExpression(obj)) return { ok: false, reason: 'the options are not an object literal' };
  const props = obj.getProperties();
  const edits: TextEdit[] = [];
  const dropped: string[] = [];
  const values = new Map<string, Node>();
  for (const p of props) {
    const key = propertyName(p);
    if (key === undefined) return { ok: false, reason: `the options use ${p.getKindName()} \`${short(p.getText())}\`` };
    const rule = rules[key];
    if (!rule) return { ok: false, reason: `option ${JSON.stringify(key)} has no equivalent the rewrite can prove` };
    values.set(key, Node.isPropertyAssignment(p) ? p.getInitializerOrThrow() : p);
    if ('keep' in rule) continue;
    if ('rename' in rule) {
      if (Node.isShorthandPropertyAssignment(p)) edits.push({ start: p.getStart(), end: p.getEnd(), text: `${rule.rename}: ${p.getName()}` });
      else if (Node.isPropertyAssignment(p)) edits.push({ start: p.getNameNode().getStart(), end: p.getNameNode().getEnd(), text: rule.rename });
      continue;
    }
    const r = listElementRemoval(p, props);
    edits.push({ ...r, text: '' });
    if (rule.drop !== 'silent') dropped.push(rule.drop);
  }
  if (!values.has('input')) return { ok: false, reason: 'the options pass no `input`' };
  return { ok: true, edits, dropped, values };
}

/** The keys and literal values of an `input` object, for the checks against the IR. */
export function inputObjectOf(node: Node, file: string): InputObject | undefined {
  if (!Node.isObjectLiteralExpression(node)) return undefined;
  return readInputObject(node, file);
}

function readInputObject(obj: ObjectLiteralExpression, file: string): InputObject {
  const out: InputObject = { entries: [], open: false, loc: locAt(obj, file) };
  for (const p of obj.getProperties()) {
    const name = propertyName(p);
    if (name === undefined) {
      out.open = true;
      continue;
    }
    const value = Node.isPropertyAssignment(p) ? literalOf(p.getInitializer()) : undefined;
    out.entries.push({ name, ...(value !== undefined ? { value } : {}), loc: locAt(p, file) });
  }
  return out;
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}
