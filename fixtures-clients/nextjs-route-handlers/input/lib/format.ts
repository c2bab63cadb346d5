// Formatting helpers; nothing here calls a model.
export function describeRun(id: string, seconds: number): string {
  return `run ${id} took ${seconds.toFixed(1)}s`;
}
