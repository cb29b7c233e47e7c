import { expect, test, type APIRequestContext } from '@playwright/test'
import { CUDA_NOTE, HOSTILE_NOTE, PUBLIC_PAGES } from './fixtures'

const SITE = 'http://localhost:3000'

async function ogImageOf(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text()
  const url = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1]
  expect(url, `${path} has og:image`).toBeTruthy()
  expect(url!.startsWith(SITE)).toBe(true)
  const image = await request.get(url!.slice(SITE.length))
  expect(image.status(), url).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')
  return image.body()
}

function pngSize(png: Buffer) {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

test('every public page has a 1200×630 Open Graph image', async ({ request }) => {
  for (const path of PUBLIC_PAGES) {
    expect(pngSize(await ogImageOf(request, path)), path).toEqual({ width: 1200, height: 630 })
  }
})

test('each note gets its own card, distinct from the profile card', async ({ request }) => {
  const profile = await ogImageOf(request, '/')
  const cuda = await ogImageOf(request, CUDA_NOTE.url)
  const hostile = await ogImageOf(request, HOSTILE_NOTE.url)
  expect(cuda.equals(profile)).toBe(false)
  expect(hostile.equals(cuda)).toBe(false)
  // A long, non-Latin title draws more ink than a four-letter one.
  expect(hostile.length).toBeGreaterThan(cuda.length)
})
