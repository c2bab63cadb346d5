// The target plugin contract. A target sees only the IR (never the user's files) and returns
// files as values; writing them is src/fs's job and reporting is src/report's.

import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import type { ModelTestsSpec } from '../model-tests/index.js';
import type { DeploySpec } from '../model-tests/workflow.js';

export type TargetName = 'fal' | 'modal' | 'workers-ai' | 'cog';

/** A generated file, path relative to the output root with POSIX separators. */
export interface EmittedFile {
  path: string;
  text: string;
  /** Unix mode; 0o644 when absent. */
  mode?: number;
}

/** How one Cog concept was carried over, for MIGRATION.md's mapping table. */
export interface AppliedMapping {
  concept: string;
  /** What the Cog project had, in the user's words (`gpu: true`, `concurrency.max: 4`). */
  cog: string;
  /** What the target got (`machine_type="GPU-A100"`). */
  target: string;
  status: 'mapped' | 'partial' | 'manual' | 'n/a';
  /** Finding code explaining a partial or manual mapping. */
  code?: string;
}

export interface TargetResult {
  files: EmittedFile[];
  findings: Finding[];
  mapping: AppliedMapping[];
  /**
   * Project paths (files, or folders ending in `/`) the conversion must not carry into the output,
   * each with the reason told to the user: the Cog target leaves out a local `cog/` package, which
   * would shadow the Cog SDK.
   */
  leaveOut?: { path: string; reason: string }[];
  /** Commands the user runs next, in order (`fal run app.py::MyApp`). */
  nextSteps: { title: string; command: string }[];
  /**
   * How CI deploys the app, for the GitHub Actions workflow written beside the model's
   * carried-over tests (src/model-tests/workflow.ts); absent where the target has none.
   */
  deploy?: DeploySpec;
  /** Project files the target rewrites on purpose (the normalised cog.yaml): no CM015 for them. */
  replaces?: string[];
  /**
   * The Dockerfile text the target's image is built from, when the target ships one: MIGRATION.md's
   * Dockerfile diff then shows the lines the target added to (or left out of) the pruned file, so it
   * ends in what is really built. Comment lines right above an added line are its reason. fal's
   * managed environment ships no Dockerfile: there it is the image `--container` would build.
   */
  shippedDockerfile?: string;
  /** Platform-specific guidance for MIGRATION.md (Markdown, one section per entry). */
  guide?: { title: string; markdown: string }[];
}

export interface Target<Options = Record<string, never>> {
  name: TargetName;
  /** One line for --help. */
  title: string;
  /** The platform documentation the mapping follows. */
  docsUrl: string;
  /** Validates raw CLI options (strings) into the target's own typed options. */
  parseOptions(raw: Record<string, string | boolean | undefined>): Options;
  /** Raw option values that are not usable, as `flag: reason` (the CLI makes them usage errors). */
  optionProblems?(raw: Record<string, string | boolean | undefined>): string[];
  /**
   * Named option sets that together cover the target's forms (workers-ai: byo, containers). The
   * golden suite renders each into expected/<name>/ instead of the default; absent for a target
   * with one form.
   */
  variants?: { name: string; options: Record<string, string> }[];
  /**
   * Which `cog` the predictor imports on the platform: cog-migrate's compatibility package, which
   * the output ships (the default: fal, modal), or the real Cog SDK the image installs
   * (workers-ai and cog keep Cog's own server). The conversion checks the predictor's imports
   * against that one (CM030, CM031).
   */
  cogModule?: 'compat' | 'sdk';
  emit(ir: CogIR, options: Options): TargetResult;
  /** How the model's cog-safe-push test cases run against this platform (tests/ in the output). */
  modelTests?: ModelTestsSpec;
}
