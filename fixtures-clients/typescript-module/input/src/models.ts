// The models our API server calls. URLs come back as strings (useFileOutput: false), so the
// handlers can put them straight into JSON.
import Replicate from "replicate";

const replicate = new Replicate({
  auth: process.env.REPLICATE_API_TOKEN,
  useFileOutput: false,
});

/** The grayscale version of an image, as a URL. */
export async function grayscale(image: string): Promise<unknown> {
  return await replicate.run("acme/grayscale", { input: { image, invert: true } });
}

/** A short answer, as the list of tokens the model produced. */
export async function answer(prompt: string): Promise<unknown> {
  return await replicate.run("acme/tokens", { input: { prompt, max_new_tokens: 16 } });
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
