// A DOI as registries hand it out: the 10. directory prefix, a registrant code, a slash and a
// suffix. Whitespace, braces and backslashes are refused so the value can sit verbatim in BibTeX.
const DOI = /^10\.\d{4,9}(?:\.\d+)*\/[^\s{}\\]+$/

export const DOI_HINT = 'must look like 10.1234/abc.5678, without https://doi.org/'

export function isDoi(value: string): boolean {
  return DOI.test(value)
}

/** The resolver link for a DOI; the suffix may hold characters a URL path cannot (#, ?, %). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`
}
