// Replicate client APIs the rewrite has no call for, named (CM714) rather than passed over in
// silence: a caller moving a model needs to know that these lines still talk to Replicate. The
// same families in the JavaScript and Python clients (`replicate.deployments.predictions.create`,
// `replicate.trainings.create`, `replicate.models.get(...)` whose `.predict()` was the pre-1.0
// Python client's way to run a model).

const FAMILIES: { prefix: string; why: string }[] = [
  { prefix: 'deployments.', why: 'runs whatever model a Replicate deployment serves, which the call does not say: call the moved model\'s target app by hand' },
  { prefix: 'trainings.', why: 'starts or reads a Replicate training; fine-tuning on the target platform is its own API' },
  { prefix: 'models.', why: 'reads a Replicate model object (the pre-1.0 Python client ran it with `.predict()`): call `replicate.run("owner/name", input=...)` instead, which the rewrite moves' },
];

/** Why `path` (the call's path after the client, `trainings.create`) is left unchanged, if it is one of these. */
export function unmappedApi(path: string): string | undefined {
  return FAMILIES.find((f) => path.startsWith(f.prefix))?.why;
}
