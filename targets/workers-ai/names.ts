// Names the Worker and its config share, derived from the project name (already a lowercase,
// dash-separated slug: src/frontends/cog projectName).

export function pascalCase(slug: string): string {
  const out = slug.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(out) ? out : `Model${out}`;
}

/** The Container subclass: `<Project>Container`. */
export const containerClassName = (project: string): string => `${pascalCase(project)}Container`;

/** The Durable Object binding of the Container. */
export const CONTAINER_BINDING = 'MODEL';

/** A Worker name: lowercase letters, digits and dashes, at most 63 characters (wrangler's rule). */
export function workerName(project: string): string {
  const slug = project.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return slug || 'model';
}
