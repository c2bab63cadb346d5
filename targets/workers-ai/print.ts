// Prints a SourceFileStructure in an in-memory ts-morph project (STYLE.md §4): the code is
// described as data and written by ts-morph's printer, never pasted together as text.

import { IndentationText, Project, QuoteKind, type SourceFileStructure } from 'ts-morph';

// One project per thread for every file printed: a Project per file (its compiler host, and the
// language service formatText starts) cost about 4 % of a workers-ai conversion's CPU, and
// resident memory rose faster with it (docs/performance.md, "Workers AI in-process conversions").
// Each file gets a name of its own and is forgotten once printed: reusing one name made the
// formatter write at positions of the file printed before it.
let project: Project | undefined;
let printed = 0;

export function printSourceFile(structure: SourceFileStructure): string {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const file = project.createSourceFile(`/print-${printed++}.ts`, structure);
  try {
    // Writers inside initializers and export expressions start at their own indentation; one pass
    // of the TypeScript formatter gives the whole file the project's two-space layout.
    file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true });
    return file.getFullText();
  } finally {
    file.forget();
  }
}

/** A header of `//` lines (why the file exists, what a person must do) as a statement writer. */
export const commentLines = (lines: string[]) => (w: import('ts-morph').CodeBlockWriter) => {
  for (const l of lines) w.writeLine(l === '' ? '//' : `// ${l}`);
};
