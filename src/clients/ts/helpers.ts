// Small functions a rewritten file may need, added once at its end. Built with ts-morph
// structures; JavaScript files get the same functions without type annotations.

import { IndentationText, NewLineKind, Project, type CodeBlockWriter, type FunctionDeclarationStructure, type OptionalKind } from 'ts-morph';

export type HelperName = 'replicateStyleEvents' | 'replicateStylePrediction' | 'replicateStyleWait' | 'predictOnModal';

type Structure = OptionalKind<FunctionDeclarationStructure>;

function streamEvents(js: boolean): Structure {
  return {
    name: 'replicateStyleEvents',
    isAsync: true,
    isGenerator: true,
    docs: ["Replicate's stream sent one event per new output item; the fal app's /stream endpoint sends\nthe whole output so far in each event. This yields only the new items, as Replicate did."],
    parameters: [{ name: 'stream', ...(js ? {} : { type: 'Promise<AsyncIterable<{ output: unknown[] }>>' }) }],
    statements: (w: CodeBlockWriter) => {
      w.writeLine('let seen = 0;');
      w.write('for await (const event of await stream)').block(() => {
        w.write('for (const item of event.output.slice(seen))').block(() => {
          w.writeLine('// fal returns files as File objects; Replicate streamed their URLs.');
          w.writeLine('const data = typeof item === "object" && item !== null && "url" in item ? String(item.url) : String(item);');
          w.writeLine('yield { event: "output", data, toString: () => data };');
        });
        w.writeLine('seen = event.output.length;');
      });
    },
  };
}

const PREDICTION = '{ id: string; status: "starting" | "processing" | "succeeded" | "failed"; output?: any; error?: string; logs: string }';

/** `(appId, requestId, readOutput = identity)` giving Replicate's prediction: the queue helpers' shared signature. */
function queueSignature(js: boolean): Pick<Structure, 'parameters' | 'returnType'> {
  return {
    parameters: [
      { name: 'appId', ...(js ? {} : { type: 'string' }) },
      { name: 'requestId', ...(js ? {} : { type: 'string' }) },
      { name: 'readOutput', ...(js ? {} : { type: '(output: any) => unknown' }), initializer: js ? '(output) => output' : '(output: any) => output' },
    ],
    ...(js ? {} : { returnType: `Promise<${PREDICTION}>` }),
  };
}

function stylePrediction(js: boolean): Structure {
  return {
    name: 'replicateStylePrediction',
    isAsync: true,
    docs: ["Replicate's prediction ({ id, status, output, error, logs }) from fal's queue: the request's\nstatus, and its result once it is completed. readOutput turns fal File objects into URLs."],
    ...queueSignature(js),
    statements: (w: CodeBlockWriter) => {
      w.writeLine('const status = await fal.queue.status(appId, { requestId, logs: true });');
      w.writeLine('const logs = "logs" in status ? status.logs.map((log) => log.message).join("\\n") : "";');
      w.write('if (status.status !== "COMPLETED")').block(() => {
        w.writeLine('return { id: requestId, status: status.status === "IN_QUEUE" ? "starting" : "processing", logs };');
      });
      w.write('try ').inlineBlock(() => {
        w.writeLine('const result = await fal.queue.result(appId, { requestId });');
        w.writeLine('return { id: requestId, status: "succeeded", output: readOutput(result.data.output), logs };');
      });
      w.write(' catch (error) ').inlineBlock(() => {
        w.writeLine('// fal answers the result of a request whose app raised with an error.');
        w.writeLine('return { id: requestId, status: "failed", error: String(error), logs };');
      });
      w.newLine();
    },
  };
}

function styleWait(js: boolean): Structure {
  return {
    name: 'replicateStyleWait',
    isAsync: true,
    docs: ["Replicate's wait: polls fal's queue until the request is completed, then gives the prediction."],
    ...queueSignature(js),
    statements: (w: CodeBlockWriter) => {
      w.writeLine('await fal.queue.subscribeToStatus(appId, { requestId, mode: "polling" });');
      w.writeLine('return replicateStylePrediction(appId, requestId, readOutput);');
    },
  };
}

function predictOnModal(js: boolean): Structure {
  return {
    name: 'predictOnModal',
    isAsync: true,
    docs: ["One prediction on the Modal app's Cog-compatible endpoint: POST /predictions answers as Cog\ndoes, with { status, output, error, logs, metrics }."],
    parameters: [
      { name: 'url', ...(js ? {} : { type: 'string | undefined' }) },
      { name: 'input', ...(js ? {} : { type: 'object' }) },
    ],
    ...(js ? {} : { returnType: 'Promise<any>' }),
    statements: (w: CodeBlockWriter) => {
      w.writeLine('if (!url) throw new Error("Set the URL of the Modal app\'s web endpoint (the environment variable this call reads)");');
      w.writeLine(js ? 'const headers = { "Content-Type": "application/json" };' : 'const headers: Record<string, string> = { "Content-Type": "application/json" };');
      w.writeLine('// Endpoints deployed with requires_proxy_auth=True need a Modal proxy auth token.');
      w.write('if (process.env.MODAL_PROXY_TOKEN_ID)').block(() => {
        w.writeLine('headers["Modal-Key"] = process.env.MODAL_PROXY_TOKEN_ID;');
        w.writeLine('headers["Modal-Secret"] = process.env.MODAL_PROXY_TOKEN_SECRET ?? "";');
      });
      w.writeLine('const response = await fetch(`${url}/predictions`, { method: "POST", headers, body: JSON.stringify({ input }) });');
      w.writeLine('if (!response.ok) throw new Error(`Prediction request failed with status ${response.status}: ${await response.text()}`);');
      w.writeLine(js ? 'const prediction = await response.json();' : 'const prediction = (await response.json()) as { status: string; output?: unknown; error?: string };');
      w.writeLine('if (prediction.status !== "succeeded") throw new Error(`Prediction failed: ${prediction.error}`);');
      w.writeLine('return prediction.output;');
    },
  };
}

const BUILDERS: Record<HelperName, (js: boolean) => Structure> = {
  replicateStyleEvents: streamEvents, replicateStylePrediction: stylePrediction, replicateStyleWait: styleWait, predictOnModal,
};

/** The text of the helpers, in a stable order, ready to append to a file. */
export function helpersText(names: ReadonlySet<HelperName>, js: boolean, newline: string, fileText: string): string {
  if (names.size === 0) return '';
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: indentationOf(fileText), newLineKind: newline === '\r\n' ? NewLineKind.CarriageReturnLineFeed : NewLineKind.LineFeed } });
  const sf = project.createSourceFile(js ? '/helpers.js' : '/helpers.ts', '');
  for (const name of (Object.keys(BUILDERS) as HelperName[]).filter((n) => names.has(n))) sf.addFunction(BUILDERS[name](js));
  return sf.getFullText();
}

/** The indentation the file already uses (first indented line), so appended code matches it. */
function indentationOf(text: string): IndentationText {
  const m = /^([ \t]+)\S/m.exec(text);
  if (!m) return IndentationText.TwoSpaces;
  if (m[1]!.startsWith('\t')) return IndentationText.Tab;
  return m[1]!.length >= 4 && m[1]!.length % 4 === 0 && !/^ {2}\S/m.test(text) ? IndentationText.FourSpaces : IndentationText.TwoSpaces;
}
