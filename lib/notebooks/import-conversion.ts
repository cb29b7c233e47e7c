import { imageFileName } from '@/lib/notes/image-name'
import { checkImportSize } from './import-size'
import { parseNotebook } from './notebook'
import { notebookFields, notebookToNote, type NotebookAsset } from './to-mdx'

export type ImportConversion = { fields: Record<string, unknown>; body: string; assets: NotebookAsset[] }

/**
 * An uploaded notebook's text as a draft's fields and body, its plots addressed as
 * `/notes/<slug>/…` with `slug` standing for the slug the draft will get. Sizes are checked on
 * the parsed notebook before anything is converted.
 */
export function convertForImport(text: string, slug: string): ImportConversion {
  const notebook = parseNotebook(text)
  checkImportSize(notebook)
  const assets: NotebookAsset[] = []
  const { body } = notebookToNote(notebook, {
    svgRefusal: (cell) =>
      `cell ${cell} has an SVG plot, and the admin stores plots as PNG, JPEG, GIF, WebP or AVIF only (SVG can carry scripts). Save the figure as PNG (in Jupyter: %config InlineBackend.figure_formats = ['png']), or put the notebook in content/notes/, where SVG plots are checked at build`,
    assetUrl: (asset) => {
      assets.push(asset)
      return `/notes/${slug}/${imageFileName(`cell-${asset.cell}`, asset.bytes, asset.ext)}`
    },
  })
  return { fields: notebookFields(notebook), body, assets }
}
