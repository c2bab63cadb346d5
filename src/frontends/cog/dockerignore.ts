// The project's .dockerignore for the IR (Project.dockerignore): read here, once, so that a
// target that uploads the folder itself (fal's app_files) can apply the same rules without
// reading the user's files. A file that cannot be read is reported where the output is carried
// (CM013, src/convert/carry.ts); here it is simply absent.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DockerignoreLine } from '../../ir/types.js';
import { readProjectText } from '../../fs/project-files.js';
import { dockerignoreLines } from '../../fs/dockerignore.js';

export function readDockerignore(root: string): DockerignoreLine[] | undefined {
  if (!existsSync(join(root, '.dockerignore'))) return undefined;
  const read = readProjectText(root, '.dockerignore', 1024 * 1024);
  return read.ok ? dockerignoreLines(read.text) : undefined;
}
