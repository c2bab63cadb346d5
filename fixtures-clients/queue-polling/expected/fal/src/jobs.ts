import { fal } from "@fal-ai/client";

fal.config({ credentials: process.env.FAL_KEY });

/** Starts a grayscale job and waits for it in this process. */
export async function grayscaleAndWait(image: string): Promise<string> {
  const prediction = await fal.queue.submit("acme/grayscale", {
    input: { image, scale: 2 },
  });
  // Replicate polls the prediction until it is done.
  const done = await replicateStyleWait("acme/grayscale", prediction.request_id, (output: { url: string }) => output.url);
  if (done.status !== "succeeded") throw new Error(`grayscale failed: ${done.error}`);
  return done.output;
}

/**
 * Replicate's prediction ({ id, status, output, error, logs }) from fal's queue: the request's
 * status, and its result once it is completed. readOutput turns fal File objects into URLs.
 */
async function replicateStylePrediction(appId: string, requestId: string, readOutput: (output: any) => unknown = (output: any) => output): Promise<{ id: string; status: "starting" | "processing" | "succeeded" | "failed"; output?: any; error?: string; logs: string }> {
  const status = await fal.queue.status(appId, { requestId, logs: true });
  const logs = "logs" in status ? status.logs.map((log) => log.message).join("\n") : "";
  if (status.status !== "COMPLETED") {
    return { id: requestId, status: status.status === "IN_QUEUE" ? "starting" : "processing", logs };
  }
  try {
    const result = await fal.queue.result(appId, { requestId });
    return { id: requestId, status: "succeeded", output: readOutput(result.data.output), logs };
  } catch (error) {
    // fal answers the result of a request whose app raised with an error.
    return { id: requestId, status: "failed", error: String(error), logs };
  }
}

/** Replicate's wait: polls fal's queue until the request is completed, then gives the prediction. */
async function replicateStyleWait(appId: string, requestId: string, readOutput: (output: any) => unknown = (output: any) => output): Promise<{ id: string; status: "starting" | "processing" | "succeeded" | "failed"; output?: any; error?: string; logs: string }> {
  await fal.queue.subscribeToStatus(appId, { requestId, mode: "polling" });
  return replicateStylePrediction(appId, requestId, readOutput);
}
