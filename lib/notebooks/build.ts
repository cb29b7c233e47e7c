import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { loadReferences, referencesPath } from '../citations/references.mjs'
import { parseVariantName, VARIANT_SOURCE_EXTENSIONS } from '../images/variants.mjs'
import { serializeNote } from '../notes/note-file'
import { noteInputSchema } from '../notes/schema'
import { validateSlug } from '../notes/slug'
import type { z } from 'zod'
import { NotebookError, parseNotebook, type Notebook } from './notebook'
import { publishedNoteFiles } from './published-notes'
import { notebookFields, notebookToNote, type ConvertOptions, type NotebookNote } from './to-mdx'

/** Where a notebook's generated note lives, inside the content folder so Contentlayer reads it. */
export const GENERATED_NOTEBOOK_DIR = '_generated/notebooks'

/** The public URL folder of a notebook note's files (its images and the .ipynb to download). */
export const notebookAssetDir = (slug: string) => `/notebooks/${slug}`

/** Writes a file only when its content changed, so Contentlayer's cache keeps unchanged notes. */
function writeIfChanged(file: string, content: string | Buffer) {
  if (existsSync(file) && readFileSync(file).equals(Buffer.from(content))) return
  writeFileSync(file, content)
}

/** Whether `file` is a smaller copy (lib/images/variants.mjs) of a plot this build wrote. */
function isVariantOfWritten(file: string, written: Set<string>) {
  const variant = parseVariantName(path.basename(file))
  return Boolean(variant && VARIANT_SOURCE_EXTENSIONS.some((ext) => written.has(path.join(path.dirname(file), `${variant.stem}.${ext}`))))
}

/** Removes what an earlier build wrote under public/notebooks/ and this one did not. */
function removeStaleAssets(assetsRoot: string, written: Set<string>) {
  if (!existsSync(assetsRoot)) return
  for (const slug of readdirSync(assetsRoot)) {
    const dir = path.join(assetsRoot, slug)
    for (const file of readdirSync(dir)) {
      const full = path.join(dir, file)
      if (!written.has(full) && !isVariantOfWritten(full, written)) rmSync(full, { force: true })
    }
    if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true })
  }
}

/** The note fields, or none when they cannot be read (a problem notebookToNote reports). */
function readableFields(notebook: Notebook): Record<string, unknown> | undefined {
  try {
    return notebookFields(notebook)
  } catch (error) {
    if (error instanceof NotebookError) return undefined
    throw error
  }
}

function describeFieldIssue(issue: z.core.$ZodIssue): string {
  const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? 'front matter')
  const message = issue.code === 'unrecognized_keys' ? 'is not a note field' : issue.message
  return `field "${field}" ${message}`
}

/**
 * The front matter and body of the generated .mdx, or a NotebookError naming all that is wrong.
 * `beside` is what the notes folder holds: the images its Markdown names, the notes it links.
 */
export function notebookNoteFile(source: string, slug: string, relativePath: string, beside: Pick<ConvertOptions, 'folder' | 'notes' | 'references'> = {}) {
  const notebook = parseNotebook(source)
  let converted: NotebookNote | undefined
  const cellProblems: string[] = []
  try {
    converted = notebookToNote(notebook, { ...beside, charts: true, assetUrl: (asset) => `${notebookAssetDir(slug)}/${asset.name}` })
  } catch (error) {
    if (!(error instanceof NotebookError)) throw error
    cellProblems.push(...error.problems)
  }
  // The fields are checked even when a cell is wrong, so one build names both.
  const fields = converted?.fields ?? readableFields(notebook)
  // A notebook in content/ is published unless it says draft: true, like a hand-written .mdx.
  const result = noteInputSchema.safeParse({ draft: false, ...fields, body: converted?.body ?? '' })
  const fieldProblems = result.success || !fields ? [] : result.error.issues.map(describeFieldIssue)
  // The live server's scheduler and the build's hold-back read .mdx notes only: a notebook is a draft until published.
  if (result.success && result.data.publishAt) fieldProblems.push('field "publishAt" is for notes written as .mdx: keep the notebook a draft (draft: true) until you publish it')
  if (!converted || !result.success || fieldProblems.length > 0) throw new NotebookError([...fieldProblems, ...cellProblems])
  // The generated file says where it came from; the note page links the notebook for download.
  const file = serializeNote(result.data).replace(/\n---\n/, `\nnotebook: ${JSON.stringify(relativePath)}\n---\n`)
  return { file, assets: converted.assets, warnings: converted.warnings }
}

export type NotebookBuild = {
  built: string[]
  plots: string[]
  /** Everything that keeps a notebook from becoming a note, each once, as "<file>: cell 3, line 2: …". */
  problems: string[]
  /** Math KaTeX renders though LaTeX would not, placed the same way: shown, not refused. */
  warnings: string[]
  removeStaleFiles: () => void
}

/**
 * Turns every `notes/*.ipynb` in the content folder into a generated note Contentlayer builds
 * like any other, and writes its images and the notebook itself under `public/notebooks/<slug>/`.
 * A notebook with problems is left out and every one of its problems listed, for the caller to
 * fail the build with all of them at once.
 * Files an earlier build wrote and this one did not stay until `removeStaleFiles` is called, once
 * the whole content has built: the site being served may still link them. `plots` are the images
 * written, for the caller to make their smaller copies (which stay with them).
 */
export function buildNotebookNotes(contentDir: string, publicDir: string): NotebookBuild {
  const notesDir = path.join(contentDir, 'notes')
  const generatedDir = path.join(contentDir, GENERATED_NOTEBOOK_DIR)
  const assetsRoot = path.join(publicDir, 'notebooks')
  const files = existsSync(notesDir) ? readdirSync(notesDir).filter((name) => name.endsWith('.ipynb')).sort() : []
  const problems: string[] = []
  const warnings: string[] = []
  const built: string[] = []
  const beside = { folder: notesDir, notes: publishedNoteFiles(notesDir), references: () => loadReferences(referencesPath(contentDir)) }

  mkdirSync(generatedDir, { recursive: true })
  // Files a running server serves: only changed ones are rewritten, and only stale ones removed.
  const written = new Set<string>()
  const plots: string[] = []
  for (const name of files) {
    const relativePath = `notes/${name}`
    const placed = (problem: string) => `${contentDir}/${relativePath}: ${problem}`
    const checked = validateSlug(name.replace(/\.ipynb$/, ''))
    if (!checked.ok) {
      problems.push(placed(`the file name is not a valid slug: ${checked.error}`))
      continue
    }
    const slug = checked.slug
    if (existsSync(path.join(notesDir, `${slug}.mdx`))) {
      problems.push(placed(`notes/${slug}.mdx has the same slug; rename one of them`))
      continue
    }
    try {
      const { file, assets, warnings: mathWarnings } = notebookNoteFile(readFileSync(path.join(notesDir, name), 'utf8'), slug, relativePath, beside)
      warnings.push(...mathWarnings.map(placed))
      const assetDir = path.join(assetsRoot, slug)
      mkdirSync(assetDir, { recursive: true })
      for (const asset of assets) writeIfChanged(path.join(assetDir, asset.name), asset.bytes)
      plots.push(...assets.map((asset) => path.join(assetDir, asset.name)))
      writeIfChanged(path.join(assetDir, name), readFileSync(path.join(notesDir, name)))
      for (const file of [...assets.map((asset) => asset.name), name]) written.add(path.join(assetDir, file))
      writeIfChanged(path.join(generatedDir, `${slug}.mdx`), file)
      built.push(slug)
    } catch (error) {
      if (!(error instanceof NotebookError)) throw error
      problems.push(...error.problems.map(placed))
    }
  }
  for (const stale of readdirSync(generatedDir)) {
    if (!built.includes(stale.replace(/\.mdx$/, ''))) rmSync(path.join(generatedDir, stale), { force: true })
  }
  return { built, plots, problems, warnings, removeStaleFiles: () => removeStaleAssets(assetsRoot, written) }
}

/** Whether Contentlayer is compiling a note generated from a notebook (its file is in the generated folder). */
export function isGeneratedNotebookNote(file: { data: Record<string, unknown> }): boolean {
  const raw = file.data.rawDocumentData as { sourceFilePath?: unknown } | undefined
  return typeof raw?.sourceFilePath === 'string' && raw.sourceFilePath.startsWith(`${GENERATED_NOTEBOOK_DIR}/`)
}
