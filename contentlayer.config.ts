import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { contentDirExcludeDefault, defineDocumentType, makeSource } from 'contentlayer2/source-files'
import { ContentBuildError, formatProblemList, reportingContentProblems, throwIfProblems } from './lib/content/build-report'
import { findContentMathProblems } from './lib/content/check-math'
import { now } from './lib/content/clock.mjs'
import { draftNoteFiles, scheduledNoteFiles } from './lib/content/draft-files.mjs'
import { findScheduledNoteProblems } from './lib/content/scheduled-notes'
import { countWords, extractHeadings, readingMinutes } from './lib/notes/text'
import { buildNotebookNotes, GENERATED_NOTEBOOK_DIR, isGeneratedNotebookNote } from './lib/notebooks/build'
import { findContentProblems, formatContentProblems, type NoteFields } from './lib/content/validate'
import { buildImageRoots, ensureContentVariants } from './lib/images/build'
import rehypeImageVariants from './lib/images/rehype-variants'
import { grayMatterOptions } from './lib/mdx/front-matter-guard.mjs'
import { KATEX_MACROS_FILE, loadKatexMacros } from './lib/mdx/katex-options.mjs'
import { rehypePluginsFor, remarkPlugins } from './lib/mdx/pipeline.mjs'
import { DEFAULT_CONTENT_DIR, PUBLIC_DIR } from './lib/settings/defaults.mjs'

export const Note = defineDocumentType(() => ({
  name: 'Note',
  // Notes written as MDX, and those generated from notebooks (notes/*.ipynb) by buildNotebookNotes.
  filePathPattern: `{notes/*.mdx,${GENERATED_NOTEBOOK_DIR}/*.mdx}`,
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
    // A draft may have neither yet; lib/content/validate.ts requires both once a note is published.
    date: { type: 'date' },
    summary: { type: 'string', default: '' },
    tags: { type: 'list', of: { type: 'string' }, default: [] },
    series: { type: 'string' },
    seriesOrder: { type: 'number' },
    updated: { type: 'date' },
    draft: { type: 'boolean', default: false },
    // Scheduled: an instant (2026-12-03T09:00:00Z) before which the note is left out like a draft.
    publishAt: { type: 'string' },
    // Set on generated notes only: the notebook (relative to the content folder) they come from.
    notebook: { type: 'string' },
  },
  computedFields: {
    slug: { type: 'string', resolve: (note) => note._raw.sourceFileName.replace(/\.mdx$/, '') },
    url: { type: 'string', resolve: (note) => `/notes/${note._raw.sourceFileName.replace(/\.mdx$/, '')}` },
    wordCount: { type: 'number', resolve: (note) => countWords(note.body.raw) },
    readingMinutes: { type: 'number', resolve: (note) => readingMinutes(countWords(note.body.raw)) },
    headings: { type: 'json', resolve: (note) => extractHeadings(note.body.raw) },
  },
}))

export const Profile = defineDocumentType(() => ({
  name: 'Profile',
  filePathPattern: 'profile.mdx',
  contentType: 'mdx',
  isSingleton: true,
  fields: {
    name: { type: 'string', required: true },
    role: { type: 'string', required: true },
    employer: { type: 'string', required: true },
    avatar: { type: 'string', required: true },
    avatarAlt: { type: 'string', required: true },
    obfuscatedEmail: { type: 'string', required: true },
    cvAsOf: { type: 'date', required: true },
  },
}))

export const Problem = defineDocumentType(() => ({
  name: 'Problem',
  filePathPattern: 'problems/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
    order: { type: 'number', required: true },
  },
}))

// Outside the Next server: read here, with lib/settings' default.
const contentDir = process.env.CONTENT_DIR || DEFAULT_CONTENT_DIR

/**
 * Contentlayer caches each compiled note by its file's modification time, so a changed macro file
 * would leave formulas rendered with the old macros: forget the cache when the macros change.
 */
function forgetCacheWhenMacrosChange() {
  const macrosFile = path.join(contentDir, KATEX_MACROS_FILE)
  const macros = existsSync(macrosFile) ? readFileSync(macrosFile, 'utf8') : ''
  const stamp = path.join('.contentlayer', '.katex-macros')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === macros) return
  const cacheDir = path.join('.contentlayer', '.cache')
  if (existsSync(cacheDir)) {
    for (const version of readdirSync(cacheDir)) {
      for (const file of readdirSync(path.join(cacheDir, version))) {
        if (file.startsWith('data-')) rmSync(path.join(cacheDir, version, file), { force: true })
      }
    }
  }
  mkdirSync('.contentlayer', { recursive: true })
  writeFileSync(stamp, macros)
}

let shownWarnings = ''

// Problems found before compiling are reported together, each once, without a stack trace.
export default makeSource(() => reportingContentProblems(async () => {
  loadKatexMacros(path.resolve(contentDir, KATEX_MACROS_FILE)) // a malformed macro file stops here, named
  forgetCacheWhenMacrosChange()
  const at = now()
  const drafts = draftNoteFiles(contentDir, at)
  const scheduled = scheduledNoteFiles(contentDir, at)
  const mathProblems = findContentMathProblems(contentDir, drafts)
  const notebooks = buildNotebookNotes(contentDir, PUBLIC_DIR)
  throwIfProblems([
    formatProblemList('Math that cannot be rendered', mathProblems),
    formatProblemList('Invalid notebooks', notebooks.problems),
    formatProblemList('Scheduled notes that could not be published at their time', findScheduledNoteProblems(contentDir, scheduled)),
  ])
  const warnings = formatProblemList('Notebooks build, with warnings (math KaTeX renders though LaTeX would not, links shown as text)', notebooks.warnings)
  // Contentlayer runs this function more than once per build: the same list is shown once.
  if (warnings && warnings !== shownWarnings) console.warn(warnings)
  shownWarnings = warnings
  // Before any note compiles: the image step below links only the variants that exist.
  const imageRoots = buildImageRoots()
  await ensureContentVariants(imageRoots, notebooks.plots)
  return {
    contentDirPath: contentDir,
    documentTypes: [Note, Profile, Problem],
    // Notebooks are read by buildNotebookNotes; excluded here so the watcher does not call them unknown.
    // The admin's lock folders come and go with every save, and each folder event reloads everything.
    // Drafts, and notes scheduled for later, are never built (lib/content/draft-files.mjs): nothing public needs them.
    contentDirExclude: [...contentDirExcludeDefault, KATEX_MACROS_FILE, '**/*.ipynb', '**/.locks', ...drafts],
    disableImportAliasWarning: true,
    onUnknownDocuments: 'fail',
    onExtraFieldData: 'fail',
    onMissingOrIncompatibleData: 'fail',
    // Image sizes and variants only here: the admin preview shows the originals, as uploaded.
    // Notes generated from notebooks render the math their checks let through (lib/notebooks/check-math.ts).
    mdx: { remarkPlugins, rehypePlugins: [...rehypePluginsFor({ lenientMathFor: isGeneratedNotebookNote }), [rehypeImageVariants, { roots: imageRoots }]], grayMatterOptions },
    // Reads what was just written rather than importing it: a warm builder (lib/publishing) runs
    // many generations in one process, where an import would return the first one for ever.
    onSuccess: () =>
      reportingContentProblems(() => {
        const allNotes = JSON.parse(readFileSync(path.join('.contentlayer', 'generated', 'Note', '_index.json'), 'utf8')) as NoteFields[]
        const readSource = (file: string) => readFileSync(path.join(contentDir, file), 'utf8')
        const problems = findContentProblems(allNotes, readSource)
        if (problems.length > 0) throw new ContentBuildError(formatContentProblems(problems, contentDir))
        notebooks.removeStaleFiles()
      }),
  }
}))
