// citation-js ships no types: the small part of its API lib/citations uses.
declare module '@citation-js/core' {
  type CitationItem = { id: string; locator?: string; label?: string }
  type CiteprocEngine = {
    updateItems(ids: string[]): void
    setOutputFormat(format: 'html' | 'text'): void
    makeBibliography(): [{ entry_ids: string[][] }, string[]]
    makeCitationCluster(items: CitationItem[]): string
  }
  export const plugins: {
    input: { chain(input: string, options: { target: '@csl/list+object'; generateGraph: boolean }): (Record<string, unknown> & { id: string })[] }
    config: { get(name: '@csl'): { engine(data: unknown[], style: string, locale: string, format: 'html' | 'text'): CiteprocEngine } }
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-csl'
