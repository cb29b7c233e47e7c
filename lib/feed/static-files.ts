import 'server-only'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { gzip, constants } from 'node:zlib'
import { writeFileAtomic } from '@/lib/drafts/atomic-write'
import { settings } from '@/lib/settings'
import { renderFeed } from './channels'
import { servesStaticFeeds, staticFeedDir, STATIC_FEEDS } from './static-feeds.mjs'

const compress = promisify(gzip)

/**
 * Writes the site's feeds as the gzip files next.config serves (once when the server starts, and
 * after each change of the published content), each replaced whole so a reader gets the old feed
 * or the new one; nothing where next.config serves no such file (`next dev`, Vercel, Netlify).
 */
export async function writeStaticFeeds({ publicDir, distDir } = settings()): Promise<void> {
  if (!servesStaticFeeds({ development: process.env.NODE_ENV === 'development', env: process.env })) return
  const dir = path.join(publicDir, staticFeedDir(distDir))
  await mkdir(dir, { recursive: true })
  for (const feed of STATIC_FEEDS) {
    const rendered = await renderFeed(feed.format, { kind: 'site' }).catch((error: Error) => {
      throw new Error(`the site's ${feed.format} feed could not be rendered: ${error.message}`)
    })
    if (!rendered) throw new Error(`the site's ${feed.format} feed could not be rendered`)
    const file = path.join(dir, feed.file)
    await writeFileAtomic(file, await compress(rendered.body, { level: constants.Z_BEST_COMPRESSION })).catch((error: Error) => {
      throw new Error(`${path.relative(process.cwd(), file)} could not be written: ${error.message}`)
    })
  }
}
