// What verify needs to know of a target beyond the shared machinery: which Dockerfile its
// platform would build, and how its adapter is run in the smoke container.

import type { Finding } from '../../findings/types.js';

export interface TargetDockerfile {
  /** The Dockerfile text to build; absent when it cannot be had (the findings say why). */
  text?: string;
  /** Output-relative file the text's first lines come from, for findings' locations. */
  from?: string;
  /** Where the platform puts the output folder in the container (Modal's add_local_dir). */
  projectDir?: string;
  findings: Finding[];
}

/** A target's own smoke runner: a script that imports the shared driver's helpers. */
export interface SmokeRunner {
  /** Output-relative adapter file the runner imports. */
  app: string;
  /** Folder under /cog-migrate that holds the runner's files (and is its sys.path[0]). */
  folder: string;
  /** The script run, one of `files` by name. */
  script: string;
  /** Absolute paths of the files copied into `folder`. */
  files: string[];
}

export interface TargetVerify {
  /** Default: the output's own `Dockerfile`, or the one fal's app.py embeds. */
  dockerfile?: (outDir: string) => TargetDockerfile;
  /** Default: the shared driver (src/verify/smoke/driver.py) with the target's stand-in. */
  smoke?: SmokeRunner;
}
