// The models our API server calls. URLs come back as strings (useFileOutput: false), so the
// handlers can put them straight into JSON.
import Replicate from "replicate";

const replicate = new Replicate({
  auth: process.env.REPLICATE_API_TOKEN,
  useFileOutput: false,
});

/** The grayscale version of an image, as a URL. */
export async function grayscale(image: string): Promise<unknown> {
  return await predictOnModal("https://acme--grayscale-web.modal.run", { image, invert: true });
}

/** A short answer, as the list of tokens the model produced. */
export async function answer(prompt: string): Promise<unknown> {
  return await predictOnModal("https://acme--tokens-web.modal.run", { prompt, max_new_tokens: 16 });
}

/** The same answer, printed as it streams in. */
export async function answerLive(prompt: string, print: (piece: string) => void): Promise<void> {
  for await (const event of replicate.stream("acme/tokens", { input: { prompt } })) {
    print(event.toString());
  }
}

/** Queues a gallery; the webhook receives the images. Returns the job's id. */
export async function queueGallery(prompt: string): Promise<string> {
  const prediction = await replicate.predictions.create({
    model: "acme/gallery",
    input: { prompt, num_outputs: 2 },
    webhook: "https://api.example.com/hooks/gallery",
  });
  return prediction.id;
}

/**
 * One prediction on the Modal app's Cog-compatible endpoint: POST /predictions answers as Cog
 * does, with { status, output, error, logs, metrics }.
 */
async function predictOnModal(url: string | undefined, input: object): Promise<any> {
  if (!url) throw new Error("Set the URL of the Modal app's web endpoint (the environment variable this call reads)");
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  // Endpoints deployed with requires_proxy_auth=True need a Modal proxy auth token.
  if (process.env.MODAL_PROXY_TOKEN_ID) {
    headers["Modal-Key"] = process.env.MODAL_PROXY_TOKEN_ID;
    headers["Modal-Secret"] = process.env.MODAL_PROXY_TOKEN_SECRET ?? "";
  }
  const response = await fetch(`${url}/predictions`, { method: "POST", headers, body: JSON.stringify({ input }) });
  if (!response.ok) throw new Error(`Prediction request failed with status ${response.status}: ${await response.text()}`);
  const prediction = (await response.json()) as { status: string; output?: unknown; error?: string };
  if (prediction.status !== "succeeded") throw new Error(`Prediction failed: ${prediction.error}`);
  return prediction.output;
}
