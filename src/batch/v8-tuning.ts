// How long V8 interprets a function before it optimises it, for a batch run's workers.
//
// V8 optimises a function with TurboFan once it has run a budget of bytecode (the "interrupt
// budget", 67,584 in Node 20's V8) a few times. Every worker is an isolate of its own that
// compiles its own hot functions on V8's background threads: in a batch of 1,000 models on two
// workers that compiling was a quarter of the run's CPU (perf record of the process, TurboFan's
// `v8::internal::compiler` frames), spent on functions run a few hundred times and then never
// again. Four times the budget optimises only what stays hot: the same run took 18 % less CPU
// and gives the same bytes (docs/performance.md). A long batch reaches the same optimised code,
// a little later.
//
// V8's flags belong to the process. Set before the first worker starts, this one applies to the
// workers' isolates from their start; the main thread's functions compiled so far keep theirs.
// The batch command sets it, not runBatch: a program that uses the library keeps its own flags.
import { setFlagsFromString } from 'node:v8';

export const BATCH_INTERRUPT_BUDGET = 4 * 67_584;

export function tuneV8ForBatch(): void {
  setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
}
