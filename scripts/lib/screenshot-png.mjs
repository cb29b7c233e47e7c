// A screenshot-like PNG for tests and benchmarks: a light page with a sidebar, rows of "text"
// (short dark runs), a coloured chart area and a photo-like noisy panel, so encoders face what a
// pasted screenshot holds rather than a flat fill.
import sharp from 'sharp'

/** Deterministic pseudo-random numbers (mulberry32), so every run encodes the same pixels. @param {number} seed */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * @param {number} width
 * @param {number} height
 * @param {number} [seed]
 * @returns {Promise<Buffer>}
 */
export async function screenshotPng(width, height, seed = 1) {
  const rand = random(seed)
  const pixels = Buffer.alloc(width * height * 3, 250)
  /** @param {number} x @param {number} y @param {number} r @param {number} g @param {number} b */
  const set = (x, y, r, g, b) => {
    const i = (y * width + x) * 3
    pixels[i] = r
    pixels[i + 1] = g
    pixels[i + 2] = b
  }
  const sidebar = Math.round(width * 0.18)
  const panelTop = Math.round(height * 0.55)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < sidebar; x += 1) set(x, y, 36, 41, 51)
  }
  // Text: rows of words, each a run of dark strokes with anti-aliased edges.
  const rowHeight = Math.max(12, Math.round(height / 120))
  for (let row = 0; row * rowHeight * 2 < panelTop; row += 1) {
    const top = row * rowHeight * 2 + rowHeight
    let x = sidebar + 40
    while (x < width - 60) {
      const word = 20 + Math.floor(rand() * 120)
      for (let dx = 0; dx < word && x + dx < width - 40; dx += 1) {
        const ink = rand() < 0.55
        for (let dy = 0; dy < rowHeight; dy += 1) if (ink && rand() < 0.8) set(x + dx, top + dy, 40 + Math.floor(rand() * 60), 40, 50)
      }
      x += word + 12 + Math.floor(rand() * 10)
    }
  }
  // Lower half: a gradient chart on the left and a photo-like noisy panel on the right.
  const split = sidebar + Math.round(((width - sidebar) * 3) / 4)
  for (let y = panelTop; y < height; y += 1) {
    for (let x = sidebar; x < width; x += 1) {
      if (x < split) {
        const wave = Math.sin(x / 90) * 60 + Math.cos(y / 70) * 40
        set(x, y, 120 + wave, 160 - wave / 2, 220)
      } else {
        const n = rand() * 12
        set(x, y, 90 + n + (x % 255) / 4, 110 + n, 80 + n + (y % 255) / 5)
      }
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer()
}
