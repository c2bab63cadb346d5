// Golden files of the Dockerfile tests (test/helpers/golden.ts: only UPDATE_GOLDEN=1 writes).
import { expectGoldenFile } from '../helpers/golden.js';

export function expectGolden(path: string, actual: string): void {
  expectGoldenFile(path, actual, 'UPDATE_GOLDEN=1 npx vitest run test/dockerfile');
}
