// `target.push(...items)` passes every item as a call argument, and V8 overflows the stack at a
// few hundred thousand: a 130,000-line requirements file did. Anything whose length user input
// decides is appended with this instead.

export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
