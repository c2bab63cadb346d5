// The folder under OUT for each model: its id with `/` turned into `__` (a flat OUT is easy to
// browse, upload and merge), made unique where two ids would meet.

export function outNames(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const id of [...ids].sort()) {
    const base = id.split('/').map((s) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^\.+/, '_')).join('__') || 'model';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    out.set(id, name);
  }
  return out;
}
