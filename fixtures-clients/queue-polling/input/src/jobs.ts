import Replicate from "replicate";

const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });

/** Starts a grayscale job and waits for it in this process. */
export async function grayscaleAndWait(image: string): Promise<string> {
  const prediction = await replicate.predictions.create({
    model: "acme/grayscale",
    input: { image, scale: 2 },
  });
  // Replicate polls the prediction until it is done.
  const done = await replicate.wait(prediction);
  if (done.status !== "succeeded") throw new Error(`grayscale failed: ${done.error}`);
  return done.output;
}
