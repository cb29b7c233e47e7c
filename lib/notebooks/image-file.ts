import { readFileSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { ImageError, imageType, MAX_IMAGE_BYTES } from '../notes/image-type'
import { notebookAssetName } from './asset-name'
import { NotebookError } from './notebook'
import { checkSvg } from './svg'
import type { ConvertOptions, NotebookAsset } from './to-mdx'

/**
 * The bytes of an image a Markdown cell names by a relative path, read from the notebook's folder.
 * The path is decoded once and then must stay in that folder: no `..`, no absolute path, and no
 * link resolving outside it. `where` names the cell and the path in every refusal.
 */
export function readImageBeside(folder: string, src: string, where: string): Buffer {
  let relative: string
  try {
    relative = decodeURIComponent(src.split(/[?#]/)[0])
  } catch {
    throw new NotebookError(`${where} is not a valid path`)
  }
  if (relative === '' || relative.includes('\0') || relative.includes('\\')) throw new NotebookError(`${where} is not a valid path (write folders with /)`)
  if (path.isAbsolute(relative) || relative.split('/').includes('..')) {
    throw new NotebookError(`${where} points outside the notebook's folder; keep images beside the notebook`)
  }
  const root = realpathSync(folder)
  let file: string
  try {
    file = realpathSync(path.resolve(root, relative))
  } catch {
    throw new NotebookError(`${where} is not there: no such file beside the notebook`)
  }
  if (!file.startsWith(root + path.sep)) throw new NotebookError(`${where} points outside the notebook's folder; keep images beside the notebook`)
  const stat = statSync(file)
  if (!stat.isFile()) throw new NotebookError(`${where} is not a file`)
  if (stat.size > MAX_IMAGE_BYTES) throw new NotebookError(`${where} is larger than 5 MB; resize or compress it first`)
  return readFileSync(file)
}

/**
 * An image file checked by its content: the editor's raster check, or an SVG that only draws
 * (stored as checkSvg gives it back, without its DOCTYPE line).
 */
function checkedImage(file: Buffer, where: string): { bytes: Buffer; ext: NotebookAsset['ext'] } {
  try {
    return { bytes: file, ext: imageType(file) as NotebookAsset['ext'] }
  } catch (error) {
    if (!(error instanceof ImageError)) throw error
    const text = file.toString('utf8')
    if (!/<svg\b/i.test(text)) throw new NotebookError(`${where}: ${error.message.replace(/\.$/, '')}`)
    return { bytes: Buffer.from(checkSvg(text, where), 'utf8'), ext: 'svg' }
  }
}

/** Stores a checked image beside the notebook's plots and gives the URL it will have. */
export function storeImage(cell: number, file: Buffer, where: string, options: ConvertOptions, assets: NotebookAsset[]): string {
  const { bytes, ext } = checkedImage(file, where)
  const asset: NotebookAsset = { name: notebookAssetName(cell, bytes, ext), bytes, ext, cell }
  assets.push(asset)
  return options.assetUrl(asset)
}
