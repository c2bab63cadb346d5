// What a verification run created on the engine, and removing exactly that: a snapshot of all
// containers and images before, a diff after. Other people's objects are never touched.

import type { Engine } from './engine.js';

export interface EngineSnapshot {
  containers: Set<string>;
  images: Set<string>;
}

export async function snapshot(engine: Engine): Promise<EngineSnapshot> {
  const [containers, images] = await Promise.all([
    engine.listContainers({ all: true }),
    engine.listImages({ all: true }),
  ]);
  return { containers: new Set(containers.map((c) => c.Id)), images: new Set(images.map((i) => i.Id)) };
}

/** Containers and images present now that were not in `before`. */
export async function newSince(engine: Engine, before: EngineSnapshot): Promise<{ containers: { id: string; image: string }[]; images: { id: string; tags: string[]; created: number }[] }> {
  const [containers, images] = await Promise.all([
    engine.listContainers({ all: true }),
    engine.listImages({ all: true }),
  ]);
  return {
    containers: containers.filter((c) => !before.containers.has(c.Id)).map((c) => ({ id: c.Id, image: c.Image })),
    images: images.filter((i) => !before.images.has(i.Id))
      .map((i) => ({ id: i.Id, tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'), created: i.Created })),
  };
}

/**
 * Removes new containers and images the caller recognises as its own (children before parents).
 * Returns the ids that are still there afterwards.
 */
export async function removeNew(
  engine: Engine,
  before: EngineSnapshot,
  ownContainer: (id: string) => boolean,
  ownImage: (id: string, tags: string[]) => boolean,
): Promise<string[]> {
  const fresh = await newSince(engine, before);
  for (const c of fresh.containers.filter((c) => ownContainer(c.id))) {
    await engine.getContainer(c.id).remove({ force: true, v: true }).catch(() => undefined);
  }
  let images = fresh.images.filter((i) => ownImage(i.id, i.tags)).sort((a, b) => b.created - a.created);
  // A layer's child must go first; a few passes settle any order the timestamps got wrong.
  for (let pass = 0; pass < 3 && images.length > 0; pass++) {
    const still: typeof images = [];
    for (const img of images) {
      try {
        await engine.getImage(img.id).remove({ force: true });
      } catch {
        still.push(img);
      }
    }
    images = still;
  }
  const after = await newSince(engine, before);
  return [
    ...after.containers.filter((c) => ownContainer(c.id)).map((c) => `container ${c.id.slice(0, 12)}`),
    ...after.images.filter((i) => ownImage(i.id, i.tags)).map((i) => `image ${i.id.replace(/^sha256:/, '').slice(0, 12)}`),
  ];
}

/** Removes a built image by tag, with the untagged layers under it that only it used. */
export async function removeImage(engine: Engine, ref: string): Promise<boolean> {
  try {
    await engine.getImage(ref).remove({ force: true });
    return true;
  } catch {
    return false;
  }
}
