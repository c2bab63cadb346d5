import Replicate from "replicate";

const replicate = new Replicate();

const GALLERY = "acme/gallery:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa";

/** Queues a gallery run; the result arrives at our webhook. */
export async function POST(request: Request) {
  const { prompt, count } = await request.json();
  const prediction = await replicate.predictions.create({
    version: "5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa",
    input: { prompt, num_outputs: count },
    webhook: `${process.env.PUBLIC_URL}/api/webhooks/replicate`,
    webhook_events_filter: ["completed"],
  });
  return Response.json({ id: prediction.id }, { status: 201 });
}

/** A preview: four images at once, waiting for them. */
export async function PUT(request: Request) {
  const { prompt } = await request.json();
  const images = await predictOnModal(process.env.GALLERY_URL, { prompt, num_outputs: 4, seed: 7 });
  return Response.json({ images });
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
