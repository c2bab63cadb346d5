// The models our API server calls. URLs come back as strings (useFileOutput: false), so the
// handlers can put them straight into JSON.
import { fal } from "@fal-ai/client";

fal.config({ credentials: process.env.FAL_KEY });

/** The grayscale version of an image, as a URL. */
export async function grayscale(image: string): Promise<unknown> {
  return (await fal.subscribe("acme/grayscale", { input: { image, invert: true } })).data.output.url;
}

/** A short answer, as the list of tokens the model produced. */
export async function answer(prompt: string): Promise<unknown> {
  return (await fal.subscribe("acme/tokens", { input: { prompt, max_new_tokens: 16 } })).data.output;
}

/** The same answer, printed as it streams in. */
export async function answerLive(prompt: string, print: (piece: string) => void): Promise<void> {
  for await (const event of replicateStyleEvents(fal.stream("acme/tokens", { input: { prompt } }))) {
    print(event.toString());
  }
}

/** Queues a gallery; the webhook receives the images. Returns the job's id. */
export async function queueGallery(prompt: string): Promise<string> {
  const prediction = await fal.queue.submit("acme/gallery", {
    input: { prompt, num_outputs: 2 },
    webhookUrl: "https://api.example.com/hooks/gallery",
  });
  return prediction.request_id;
}

/**
 * Replicate's stream sent one event per new output item; the fal app's /stream endpoint sends
 * the whole output so far in each event. This yields only the new items, as Replicate did.
 */
async function* replicateStyleEvents(stream: Promise<AsyncIterable<{ output: unknown[] }>>) {
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
