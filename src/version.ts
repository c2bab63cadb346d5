import { packageVersion } from './util/package-root.js';

// Read once from package.json so `--version`, migration.json and reports agree.
export const TOOL_VERSION = packageVersion();
