// Which of an app's endpoints a Cog project serves. Cog has one `predict` (and one `train`), so:
// the endpoint the user names with --endpoint, else the one at `/` (fal) or the only one, else
// the first in the file with a return annotation (else the first). An endpoint at `/train` becomes Cog's `train`; a `/stream` twin of the
// predict endpoint is its streaming form. Every other endpoint is named in one finding.

import type { SourceLocation } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';

export interface EndpointCandidate {
  /** Method or function name. */
  name: string;
  /** How the platform addresses it: fal path, Modal method name or web route. */
  endpoint: string;
  loc: SourceLocation;
  /** False when the function has no return annotation (a web endpoint wrapping a typed method, often). */
  typedReturn?: boolean;
}

export interface ChosenEntries<E extends EndpointCandidate> {
  predict?: E;
  train?: E;
  /** The `/stream` twin of predict, when there is one. */
  stream?: E;
}

/** Picks predict (and train) from the app's endpoints; reports the rest. */
export function chooseEntries<E extends EndpointCandidate>(all: E[], wanted: string | undefined, appLoc: SourceLocation, findings: Finding[]): ChosenEntries<E> {
  if (all.length === 0) return {};
  let predict: E | undefined;
  if (wanted !== undefined) {
    predict = all.find((e) => e.endpoint === wanted || e.name === wanted || e.endpoint === `/${wanted.replace(/^\//, '')}`);
    if (!predict) {
      findings.push(finding('CM803', `--endpoint ${JSON.stringify(wanted)} names none of the app's endpoints (${all.map(show).join(', ')})`, appLoc));
      return {};
    }
  }
  const servable = all.filter((e) => e.endpoint !== '/train' && e.endpoint !== '/stream');
  // An entry with a typed return gives Cog a typed output: preferred to an untyped one before it.
  predict ??= all.find((e) => e.endpoint === '/') ?? servable.find((e) => e.typedReturn !== false) ?? servable[0] ?? all[0]!;
  const train = all.find((e) => e !== predict && (e.endpoint === '/train' || e.name === 'train'));
  const stream = all.find((e) => e !== predict && e !== train && e.endpoint === `${predict!.endpoint.replace(/\/$/, '')}/stream`);
  const rest = all.filter((e) => e !== predict && e !== train && e !== stream);
  if (rest.length) {
    findings.push(finding('CM802', `the app has ${all.length} endpoints; the Cog predictor serves ${show(predict)}${train ? ` (and ${show(train)} as train)` : ''}; not served: ${rest.map(show).join(', ')}`, predict.loc,
      { hint: `Convert again with --endpoint ${JSON.stringify(rest[0]!.endpoint)} (or a method name) for another one; Cog serves one predict per model.` }));
  }
  return { predict, ...(train ? { train } : {}), ...(stream ? { stream } : {}) };
}

const show = (e: EndpointCandidate) => (e.endpoint === e.name ? `${e.name}()` : `${e.endpoint} (${e.name}())`);
