// The job endpoints of the service: start a job, poll it with the id it was given, cancel it.
import { fal } from "@fal-ai/client";

fal.config({ credentials: process.env.FAL_KEY });

export async function startJob(image) {
  const prediction = await fal.queue.submit("acme/grayscale", { input: { image } });
  return prediction.request_id;
}

export async function jobStatus(id) {
  const prediction = await replicateStylePrediction("acme/grayscale", id, (output) => output.url);
  return { id: prediction.id, status: prediction.status, output: prediction.output, logs: prediction.logs };
}

export async function cancelJob(id) {
  await fal.queue.cancel("acme/grayscale", { requestId: id });
}

/**
 * Replicate's prediction ({ id, status, output, error, logs }) from fal's queue: the request's
 * status, and its result once it is completed. readOutput turns fal File objects into URLs.
 */
async function replicateStylePrediction(appId, requestId, readOutput = (output) => output) {
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
