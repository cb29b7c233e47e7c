export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

type ImageType = { ext: string; matches: (bytes: Uint8Array) => boolean }

const startsWith = (bytes: Uint8Array, prefix: number[], offset = 0) => prefix.every((byte, i) => bytes[offset + i] === byte)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

// Recognised by their first bytes, never by the name or the type the browser claims.
const IMAGE_TYPES: ImageType[] = [
  { ext: 'png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { ext: 'jpg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { ext: 'gif', matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { ext: 'webp', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { ext: 'avif', matches: (b) => startsWith(b, ascii('ftypavif'), 4) || startsWith(b, ascii('ftypavis'), 4) },
]

export class ImageError extends Error {}

function looksLikeSvg(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 4096)).toLowerCase().includes('<svg')
}

/** The image's type from its content, or an ImageError saying why it is refused. */
export function imageType(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new ImageError('The file is empty.')
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new ImageError('The image is larger than 5 MB; resize or compress it first.')
  const type = IMAGE_TYPES.find((candidate) => candidate.matches(bytes))
  if (type) return type.ext
  if (looksLikeSvg(bytes)) throw new ImageError('SVG images are refused (they can carry scripts); export the figure as PNG or WebP.')
  throw new ImageError('That file is not a PNG, JPEG, GIF, WebP or AVIF image.')
}
