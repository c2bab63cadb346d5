#!/usr/bin/env node
// Summarises each line of a file, streaming the tokens as they arrive.
import { readFile } from "node:fs/promises";
import Replicate from "replicate";

const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });

const lines = (await readFile(process.argv[2], "utf8")).split("\n").filter(Boolean);
for (const line of lines) {
  for await (const event of replicate.stream("acme/tokens", { input: { prompt: `Summarise: ${line}`, max_new_tokens: 32 } })) {
    process.stdout.write(`${event}`);
  }
  process.stdout.write("\n");
}
