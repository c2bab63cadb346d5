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
  const images = await replicate.run(GALLERY, { input: { prompt, num_outputs: 4, seed: 7 } });
  return Response.json({ images });
}
