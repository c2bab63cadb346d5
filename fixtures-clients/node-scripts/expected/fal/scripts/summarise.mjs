#!/usr/bin/env node
// Summarises each line of a file, streaming the tokens as they arrive.
import { readFile } from "node:fs/promises";
import { fal } from "@fal-ai/client";

fal.config({ credentials: process.env.FAL_KEY });

const lines = (await readFile(process.argv[2], "utf8")).split("\n").filter(Boolean);
for (const line of lines) {
  for await (const event of replicateStyleEvents(fal.stream("acme/tokens", { input: { prompt: `Summarise: ${line}`, max_new_tokens: 32 } }))) {
    process.stdout.write(`${event}`);
  }
  process.stdout.write("\n");
}

/**
 * Replicate's stream sent one event per new output item; the fal app's /stream endpoint sends
 * the whole output so far in each event. This yields only the new items, as Replicate did.
 */
async function* replicateStyleEvents(stream) {
  let seen = 0;
  for await (const event of await stream) {
    for (const item of event.output.slice(seen)) {
      // fal returns files as File objects; Replicate streamed their URLs.
      const data = typeof item === "object" && item !== null && "url" in item ? String(item.url) : String(item);
      yield { event: "output", data, toString: () => data };
    }
    seen = event.output.length;
  }
}
