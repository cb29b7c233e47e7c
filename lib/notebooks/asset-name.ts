import { createHash } from 'node:crypto'

/** An image's file name under public/notebooks/<slug>/: its cell and a hash of its content. */
export function notebookAssetName(cell: number, bytes: Buffer, ext: string): string {
  return `cell-${cell}-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.${ext}`
}
