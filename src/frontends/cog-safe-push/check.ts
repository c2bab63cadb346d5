// The test cases of a cog-safe-push config, held against the predictor they test, before any
// target emits them: a case the migrated model would reject is an error at the case's line,
// not a failing test after deployment. Values are judged as Cog's schema judges a request.

import { finding } from '../../findings/finding.js';
import type { Finding } from '../../findings/types.js';
import type { CogIR, Input, IrType, LiteralValue, Predictor, SafePushConfig, SafePushInput, SafePushInputValue, SafePushPhase, SourceLocation } from '../../ir/types.js';
import { replicateHardware, suggestHardware } from '../../hardware/index.js';
import { pushAll } from '../../util/push-all.js';

/** Outputs that reach a checker as plain text (a string, or a file's URL). */
const TEXT_OUTPUTS = new Set(['str', 'path', 'file']);

export function checkSafePush(config: SafePushConfig, ir: CogIR): Finding[] {
  const findings: Finding[] = [];
  const phases: [string, SafePushPhase | undefined, Predictor | undefined][] = [
    ['predict', config.predict, ir.predictors.predict],
    ['train', config.train, ir.predictors.train],
  ];
  for (const [role, phase, predictor] of phases) {
    if (!phase) continue;
    if (!predictor) {
      if (phase.testCases.length > 0 || phase.fuzz) findings.push(finding('CM189', `${config.file} tests ${role}(), but cog.yaml has no ${role}: predictor`, phase.loc));
      continue;
    }
    for (const testCase of phase.testCases) {
      pushAll(findings, checkInputs(testCase.inputs, predictor, role));
      if (testCase.checker.kind === 'jq_query' && TEXT_OUTPUTS.has(predictor.output.kind)) {
        findings.push(finding('CM192', `jq_query on ${role}(), whose output is ${predictor.output.kind === 'str' ? 'a string' : 'a file URL'}: cog-safe-push parses it as JSON first, so the case fails unless the text is JSON`, testCase.loc));
      }
      for (const input of predictor.inputs) {
        if (input.default === 'required' && !testCase.inputs.some((i) => i.name === input.name)) {
          findings.push(finding('CM186', `this test case leaves out ${input.name}, which ${role}() requires`, testCase.loc));
        }
      }
    }
    if (phase.fuzz) {
      pushAll(findings, checkInputs(phase.fuzz.fixedInputs, predictor, role));
      for (const d of phase.fuzz.disabledInputs) {
        if (!predictor.inputs.some((i) => i.name === d.name)) findings.push(unknownInput(d.name, predictor, role, d.loc));
      }
    }
  }
  const hardware: [string, string | undefined, SourceLocation | undefined][] = [
    ['test_hardware', config.testHardware.name, config.testHardware.loc],
    ['deployment.hardware', config.deployment?.hardware, config.deployment?.loc],
    ['train.destination_hardware', config.train?.destinationHardware, config.train?.loc],
  ];
  for (const [field, name, loc] of hardware) {
    if (name === undefined || replicateHardware(name)) continue;
    const near = suggestHardware(name);
    findings.push(finding('CM190', `${field}: ${JSON.stringify(name)} is not a Replicate hardware name${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`, loc ?? config.loc));
  }
  return findings;
}

function unknownInput(name: string, predictor: Predictor, role: string, loc: SourceLocation): Finding {
  const names = predictor.inputs.map((i) => i.name);
  return finding('CM185', `${role}() has no input ${JSON.stringify(name)}${names.length ? ` (its inputs: ${names.join(', ')})` : ' (it takes no inputs)'}`, loc);
}

function checkInputs(inputs: SafePushInput[], predictor: Predictor, role: string): Finding[] {
  const out: Finding[] = [];
  for (const given of inputs) {
    const input = predictor.inputs.find((i) => i.name === given.name);
    if (!input) {
      out.push(unknownInput(given.name, predictor, role, given.loc));
      continue;
    }
    const problem = valueProblem(input, given.value);
    if (problem) out.push(finding('CM187', `${given.name}: ${problem}`, given.loc));
  }
  return out;
}

/** Why Cog's schema would reject `value` for `input`, or undefined when it accepts it. */
export function valueProblem(input: Input, value: SafePushInputValue): string | undefined {
  const typeProblem = typeMismatch(input.type, value);
  if (typeProblem) return typeProblem;
  const choices = input.choices?.kind === 'literal' && Array.isArray(input.choices.value) ? input.choices.value : undefined;
  if (choices && !Array.isArray(value) && !choices.some((c) => sameValue(c, value))) {
    return `${JSON.stringify(value)} is not one of its choices ${JSON.stringify(choices)}`;
  }
  if (typeof value === 'number') {
    if (input.ge !== undefined && value < input.ge) return `${value} is below its minimum ${input.ge} (ge)`;
    if (input.le !== undefined && value > input.le) return `${value} is above its maximum ${input.le} (le)`;
  }
  if (typeof value === 'string') {
    if (input.minLength !== undefined && value.length < input.minLength) return `${JSON.stringify(value)} is shorter than min_length ${input.minLength}`;
    if (input.maxLength !== undefined && value.length > input.maxLength) return `${JSON.stringify(value)} is longer than max_length ${input.maxLength}`;
  }
  return undefined;
}

function sameValue(choice: LiteralValue, value: SafePushInputValue): boolean {
  return choice === value || (typeof choice === 'number' && typeof value === 'number' && choice === value);
}

function typeMismatch(type: IrType, value: SafePushInputValue): string | undefined {
  const is = (ok: boolean, what: string) => (ok ? undefined : `${JSON.stringify(value)} is not ${what}`);
  switch (type.kind) {
    case 'str':
    case 'secret':
      return is(typeof value === 'string', 'a string');
    case 'path':
    case 'file':
      return is(typeof value === 'string', 'a file URL or data URI string');
    case 'int':
      return is(typeof value === 'number' && Number.isInteger(value), 'an integer');
    case 'float':
      return is(typeof value === 'number', 'a number');
    case 'bool':
      return is(typeof value === 'boolean', 'true or false');
    case 'optional':
      return typeMismatch(type.inner, value);
    case 'list': {
      // Cog's list inputs take a list; one value of the item type is accepted as a list of one.
      const items: SafePushInputValue[] = Array.isArray(value) ? value : [value];
      for (const item of items) {
        const p = typeMismatch(type.items, item);
        if (p) return `an item of the list: ${p}`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
