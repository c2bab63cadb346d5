import type { AppReadOptions, AppReadResult } from '../shared/app-ir.js';
import { finding } from '../../findings/finding.js';

export function readModalApp(root: string, file: string, options: AppReadOptions = {}): AppReadResult {
  void root; void options;
  return { findings: [finding('CM800', `${file}: the Modal frontend is not written yet`, { file })] };
}
