import { readFileSync } from 'node:fs';

// Read once from package.json so `--version`, migration.json and reports agree.
const pkgUrl = new URL('../../package.json', import.meta.url);
const fallbackUrl = new URL('../package.json', import.meta.url);

function readVersion(): string {
  for (const url of [pkgUrl, fallbackUrl]) {
    try {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cog-migrate' && pkg.version) return pkg.version;
    } catch {
      // try the next location: src/ runs from the checkout, dist/src from the build
    }
  }
  return '0.0.0';
}

export const TOOL_VERSION = readVersion();
