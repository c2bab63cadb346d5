// Names every target derives from the project the same way.

/** App names (fal app_name, modal.App name): lowercase letters, digits and hyphens. */
export function appSlug(projectName: string): string {
  const slug = projectName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'cog-model' : slug;
}

/** The module name a predictor file is imported under (Cog imports by path, any file name). */
export function moduleName(file: string): string {
  const stem = file.replace(/\\/g, '/').split('/').pop()!.replace(/\.py$/, '');
  let name = stem.replace(/[^A-Za-z0-9_]/g, '_');
  if (name === '' || /^[0-9]/.test(name)) name = `m_${name}`;
  return name;
}

/** PascalCase of the project name, for a generated class; `fallback` when nothing is left. */
export function pascalName(projectName: string, fallback: string): string {
  const parts = projectName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = `App${name}`;
  return name;
}
