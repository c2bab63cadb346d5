// The job endpoints of the service: start a job, poll it with the id it was given, cancel it.
import Replicate from "replicate";

const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });

export async function startJob(image) {
  const prediction = await replicate.predictions.create({ model: "acme/grayscale", input: { image } });
  return prediction.id;
}

export async function jobStatus(id) {
  const prediction = await replicate.predictions.get(id);
  return { id: prediction.id, status: prediction.status, output: prediction.output, logs: prediction.logs };
}

export async function cancelJob(id) {
  await replicate.predictions.cancel(id);
}
