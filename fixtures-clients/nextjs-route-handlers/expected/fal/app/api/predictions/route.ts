import { fal } from "@fal-ai/client";

fal.config({ credentials: process.env.FAL_KEY });

const GALLERY = "acme/gallery:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa";

/** Queues a gallery run; the result arrives at our webhook. */
export async function POST(request: Request) {
  const { prompt, count } = await request.json();
  const prediction = await fal.queue.submit("acme/gallery", {
    input: { prompt, num_outputs: count },
    webhookUrl: `${process.env.PUBLIC_URL}/api/webhooks/replicate`,
  });
  return Response.json({ id: prediction.request_id }, { status: 201 });
}

/** A preview: four images at once, waiting for them. */
export async function PUT(request: Request) {
  const { prompt } = await request.json();
  const images = (await fal.subscribe("acme/gallery", { input: { prompt, num_outputs: 4, seed: 7 } })).data.output.map((file: { url: string }) => file.url);
  return Response.json({ images });
}
