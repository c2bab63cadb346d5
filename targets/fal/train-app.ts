// `--train-app`: training as its own fal app in the same app.py. fal scales, times out and bills
// each app on its own, so a long training run no longer shares the prediction app's machine type,
// request_timeout and warm runners: `<Name>Train` (app_name `<name>-train`) serves POST /train on
// the machine cog-safe-push's train.destination_hardware names (else the prediction app's), and the
// prediction app loads only the predictor. Without the option both endpoints share one app.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { mapHardware, replicateHardware } from '../../src/hardware/index.js';
import { pyStr } from '../../src/quote/index.js';
import type { AppClassView, AppView } from './model.js';
import { lifecycleAttributes } from './lifecycle.js';
import type { FalOptions } from './options.js';

/** The training app's attributes: its own machine type, and the lifecycle rules for training alone. */
function trainAttributes(ir: CogIR, predictAttributes: AppView['attributes'], options: FalOptions, findings: Finding[]): AppView['attributes'] {
  const destination = (ir.safePush ?? []).map((c) => c.train?.destinationHardware).find((h) => h !== undefined);
  const hardware = destination ? replicateHardware(destination) : undefined;
  const machine = hardware
    ? { name: 'machine_type', code: pyStr(mapHardware(hardware).fal.machineType), note: `cog-safe-push train destination_hardware: ${destination} (docs/hardware.md)` }
    : predictAttributes.find((a) => a.name === 'machine_type')!;
  const numGpus = hardware && hardware.gpuCount > 1 ? [{ name: 'num_gpus', code: String(hardware.gpuCount) }] : [];
  const trainOnly: CogIR = { ...ir, predictors: { train: ir.predictors.train! } };
  return [machine, ...numGpus, ...lifecycleAttributes(trainOnly, options, findings)];
}

/** Splits the one app into a prediction app and `<Name>Train` when asked and there is a train role. */
export function withTrainApp(ir: CogIR, view: AppView, options: FalOptions, findings: Finding[]): AppView {
  const train = view.roles.find((r) => r.role === 'train');
  if (!options.trainApp || !train) return view;
  const predictRoles = view.roles.filter((r) => r.role !== 'train');
  const only = (roles: typeof view.roles) => ({
    roles,
    modules: view.modules.filter((m) => roles.some((r) => r.moduleVar === m.variable)),
    setupIsAsync: roles.some((r) => r.setup?.isAsync === true),
  });
  // The prediction app keeps its attributes without the training rules (CM457 is the train app's).
  const predictOnly: CogIR = { ...ir, predictors: { predict: ir.predictors.predict! } };
  const lifecycle = new Set(['keep_alive', 'startup_timeout', 'request_timeout', 'skip_retry_conditions']);
  const predictAttributes = [...view.attributes.filter((a) => !lifecycle.has(a.name)), ...lifecycleAttributes(predictOnly, options, [])];
  const trainClass: AppClassView = {
    className: `${view.className}Train`,
    appName: `${view.appName}-train`,
    attributes: trainAttributes(ir, view.attributes, options, []),
    ...only([train]),
  };
  findings.push(finding('CM459', `train: ${ir.predictors.train!.ref} is its own fal app, ${trainClass.className} (app_name ${JSON.stringify(trainClass.appName)}), on ${trainClass.attributes[0]!.code}`, ir.predictors.train!.loc, { target: 'fal' }));
  return { ...view, apps: [{ className: view.className, appName: view.appName, attributes: predictAttributes, ...only(predictRoles) }, trainClass] };
}
