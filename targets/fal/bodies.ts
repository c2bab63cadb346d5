// Endpoint method bodies as lines (indentation relative to the method body). Built from code
// fragments model.ts already quoted; kept out of the template so the nesting (temporary folder,
// sync/async loops) stays readable in both places.

import type { RoleView } from './model.js';

const INDENT = '    ';

function indent(lines: string[], levels = 1): string[] {
  return lines.map((l) => (l === '' ? l : INDENT.repeat(levels) + l));
}

/** Wraps `body` in a temporary folder for downloaded inputs, when the role has file inputs. */
function withTmp(role: RoleView, body: string[]): string[] {
  const lines = [...role.preamble, ...body];
  return role.usesTmp ? ['with tempfile.TemporaryDirectory() as tmp:', ...indent(lines)] : lines;
}

function loopHeader(role: RoleView): string {
  const s = role.stream!;
  if (s.loop === 'async for') return `async for item in ${role.callCode}:`;
  if (s.loop === 'for-await') return `for item in await ${role.callCode}:`;
  return `for item in ${role.callCode}:`;
}

/** A failure in `body` reaches the caller with Cog's error text and a status (`_failed`),
 * instead of fal's generic 500; fal's own errors and its GPU handling pass through. */
function reportingFailures(body: string[]): string[] {
  return ['with reported(_failed, keep=(FalServerlessException,)), catch_gpu_exceptions():', ...indent(body)];
}

/** The predictor's work, then the response: under this request's own cog.current_scope() when
 * a metric is billed, whose value goes to the response header after the work is done. */
function respond(role: RoleView, work: string, response: string): string[] {
  if (role.billableMetric === undefined) return reportingFailures(withTmp(role, [work, `return ${response}`]));
  return [
    'scope = new_scope()  # this request\'s cog.current_scope()',
    ...reportingFailures(withTmp(role, ['with active(scope):', ...indent([work]), `output = ${response}`])),
    '_report_billable_units(response, scope)',
    'return output',
  ];
}

export function endpointBody(role: RoleView): string[] {
  if (!role.stream) {
    return respond(role, `result = ${role.isAsyncEndpoint ? 'await ' : ''}${role.callCode}`, role.resultCode!);
  }
  const s = role.stream;
  let collect: string;
  if (s.itemCode === 'item' && s.loop === 'for') collect = `items = list(${role.callCode})`;
  else if (s.itemCode === 'item' && s.loop === 'for-await') collect = `items = list(await ${role.callCode})`;
  else if (s.loop === 'async for') collect = `items = [${s.itemCode} async for item in ${role.callCode}]`;
  else collect = `items = [${s.itemCode} for item in ${s.loop === 'for-await' ? 'await ' : ''}${role.callCode}]`;
  return respond(role, collect, `${role.outputModel}(output=items)`);
}

export function streamBody(role: RoleView): string[] {
  const s = role.stream!;
  const sync = s.loop === 'for';
  const generator = withTmp(role, s.chunkModel
    ? [loopHeader(role), ...indent([`yield _sse(${s.chunkModel}(output=${s.itemCode}))`])]
    : [
      `items: List[${s.itemAnnotation}] = []`,
      loopHeader(role),
      ...indent([`items.append(${s.itemCode})`, `yield _sse(${role.outputModel}(output=items))`]),
    ]);
  const comment = s.chunkModel
    ? [
      '# Server-Sent Events for fal_client.stream(). A ConcatenateIterator: each event carries only',
      `# the new text, which the client appends; POST ${role.endpointPath} returns all of it as a list.`,
    ]
    : [
      '# Server-Sent Events for fal_client.stream(); each event is the output so far, so the',
      `# last one equals what POST ${role.endpointPath} returns.`,
    ];
  return [
    ...comment,
    sync ? 'def events() -> Iterator[str]:' : 'async def events() -> AsyncIterator[str]:',
    ...indent(generator),
    '',
    '# A failure mid-stream ends it with Cog\'s failed response as the last event (_sse_failed).',
    `return StreamingResponse(${sync ? 'streamed' : 'astreamed'}(events(), _sse_failed), media_type="text/event-stream")`,
  ];
}
