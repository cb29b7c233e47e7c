import { z } from 'zod'
import { jsonErrorPlace } from '../json-place.mjs'

/**
 * A notebook that cannot become a note. `problems` lists everything found wrong, each once and
 * naming its cell; the message joins them into one sentence for places that show one line.
 */
export class NotebookError extends Error {
  readonly problems: string[]

  constructor(problems: string | string[]) {
    const unique = [...new Set([problems].flat())]
    super(unique.join('; '))
    this.name = 'NotebookError'
    this.problems = unique
  }
}

// Jupyter stores text either whole or as a list of lines (each keeping its "\n").
const multiline = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value.join('') : value))
const mimeBundle = z.record(z.string(), z.unknown())

const outputSchema = z.discriminatedUnion('output_type', [
  z.object({ output_type: z.literal('stream'), name: z.string(), text: multiline }),
  z.object({ output_type: z.literal('display_data'), data: mimeBundle, metadata: z.record(z.string(), z.unknown()).optional() }),
  z.object({
    output_type: z.literal('execute_result'),
    data: mimeBundle,
    execution_count: z.number().int().nullable().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ output_type: z.literal('error'), ename: z.string(), evalue: z.string(), traceback: z.array(z.string()).default([]) }),
])

const cellMetadata = z
  .object({
    tags: z.array(z.string()).optional(),
    // This site's own key: the alt text of the images a code cell outputs.
    alt: z.string().optional(),
  })
  .passthrough()
  .default({})

const cellSchema = z.discriminatedUnion('cell_type', [
  z.object({
    cell_type: z.literal('markdown'),
    source: multiline,
    metadata: cellMetadata,
    attachments: z.record(z.string(), mimeBundle).optional(),
  }),
  z.object({ cell_type: z.literal('raw'), source: multiline, metadata: cellMetadata }),
  z.object({
    cell_type: z.literal('code'),
    source: multiline,
    metadata: cellMetadata,
    execution_count: z.number().int().nullable().optional(),
    outputs: z.array(outputSchema).default([]),
  }),
])

const notebookSchema = z.object({
  nbformat: z.literal(4, { error: 'only nbformat 4 notebooks are supported (open and save it in a current Jupyter)' }),
  metadata: z
    .object({
      kernelspec: z.object({ language: z.string().optional() }).passthrough().optional(),
      language_info: z.object({ name: z.string().optional() }).passthrough().optional(),
      // This site's own key: the note's fields, when the first cell does not carry front matter.
      note: z.record(z.string(), z.unknown()).optional(),
    })
    .passthrough()
    .default({}),
  cells: z.array(cellSchema),
})

export type Notebook = z.infer<typeof notebookSchema>
export type Cell = Notebook['cells'][number]
export type CodeCell = Extract<Cell, { cell_type: 'code' }>
export type Output = CodeCell['outputs'][number]

/** Where in the notebook a zod issue points, in the words a notebook author uses. */
function describePath(path: PropertyKey[]): string {
  const [first, index, ...rest] = path
  if (first === 'cells' && typeof index === 'number') {
    const within = rest.length ? ` (${rest.map(String).join('.')})` : ''
    return `cell ${index + 1}${within}`
  }
  return path.map(String).join('.') || 'the notebook'
}

/** Reads an .ipynb file's text, or throws a NotebookError naming the place that is wrong. */
export function parseNotebook(text: string): Notebook {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    throw new NotebookError(`not valid JSON${jsonErrorPlace(text, message)}: ${message}`)
  }
  const result = notebookSchema.safeParse(data)
  if (!result.success) throw new NotebookError(result.error.issues.map((issue) => `${describePath(issue.path)}: ${issue.message}`))
  return result.data
}

/** The language of the notebook's code cells, for highlighting. */
export function notebookLanguage(notebook: Notebook): string {
  return (notebook.metadata.language_info?.name ?? notebook.metadata.kernelspec?.language ?? 'python').toLowerCase()
}

const HIDE_INPUT_TAGS = new Set(['hide-input', 'remove-input'])
const HIDE_OUTPUT_TAGS = new Set(['hide-output', 'remove-output'])
const HIDE_CELL_TAGS = new Set(['hide-cell', 'remove-cell'])

/** What of a cell its tags (Jupyter Book's names) leave on the page. */
export function cellVisibility(cell: Cell) {
  const tags = cell.metadata.tags ?? []
  const hidden = tags.some((tag) => HIDE_CELL_TAGS.has(tag))
  return {
    input: !hidden && !tags.some((tag) => HIDE_INPUT_TAGS.has(tag)),
    output: !hidden && !tags.some((tag) => HIDE_OUTPUT_TAGS.has(tag)),
  }
}
