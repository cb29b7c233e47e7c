import type { APIRequestContext } from '@playwright/test'

type Manifest = { version: string; keys: string[]; sections: number[] }

/** The addresses of every file the search dialog could fetch, after the manifest that names them. */
export function searchFilePaths({ version, keys, sections }: Manifest): string[] {
  return [...keys.map((_, n) => `/search-index/${version}/terms/${n}.json`), ...sections.map((_, n) => `/search-index/${version}/notes/${n}.json`)]
}

/** The whole search index as a guest could fetch it: the manifest and every file it names, as one text. */
export async function searchIndexText(request: APIRequestContext): Promise<{ status: number; text: string }> {
  const response = await request.get('/search-index.json')
  if (!response.ok()) return { status: response.status(), text: await response.text() }
  const manifest = (await response.json()) as Manifest
  const texts = await Promise.all(searchFilePaths(manifest).map(async (path) => (await request.get(path)).text()))
  return { status: response.status(), text: [JSON.stringify(manifest), ...texts].join('\n') }
}
