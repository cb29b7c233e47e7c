import 'server-only'
import { access } from 'node:fs/promises'
import path from 'node:path'
import type { Image } from 'mdast'
import { visit } from 'unist-util-visit'
import { parseNoteBody } from '@/lib/mdx/policy'

/**
 * The images on this site (root-relative addresses such as `/notes/<slug>/plot.png`) that the
 * body shows but the public folder no longer has, in the order the body shows them.
 */
export async function missingImages(body: string, publicDir: string, noteImagesRoot?: string): Promise<string[]> {
  const sources = new Set<string>()
  visit(parseNoteBody(body), 'image', (node: Image) => {
    if (/^\/(?!\/)/.test(node.url)) sources.add(node.url)
  })
  const missing: string[] = []
  for (const source of sources) {
    const address = safeDecode(source.split(/[?#]/, 1)[0])
    // With a content remote, the note images (`/notes/…`) are in its clone, not in public/.
    const [root, rest] = noteImagesRoot && address.startsWith('/notes/') ? [noteImagesRoot, address.slice('/notes'.length)] : [publicDir, address]
    const file = path.join(root, rest)
    if (path.relative(root, file).startsWith('..')) continue
    if (!(await access(file).then(() => true, () => false))) missing.push(source)
  }
  return missing
}

function safeDecode(address: string): string {
  try {
    return decodeURIComponent(address)
  } catch {
    return address
  }
}
