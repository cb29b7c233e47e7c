#!/usr/bin/env node
// `npm run bench:images`: what a reader downloads for one full-width image, original against the
// WebP variant the browser picks from the srcset the build writes (lib/images/rehype-variants.ts),
// and what making the variants costs at upload. Images: a 4000×3000 screenshot-like PNG and a
// 5801×6237 plot-like one (the notebook issue's); `--avif` also times AVIF for comparison.
// One image at a time, one encode at a time: light enough for a shared machine (~10 s).
import sharp from 'sharp'
import { encodeVariants, MAX_VARIANT_WIDTH } from '../lib/images/variants.mjs'
import { screenshotPng } from './lib/screenshot-png.mjs'

const COLUMN = 720 // CSS px: the article column on a desktop (sizes="(min-width: 768px) 720px, 100vw")
const SCREENS = [
  { name: 'phone 390 px @1x', css: 390, dpr: 1 },
  { name: 'phone 390 px @2x', css: 390, dpr: 2 },
  { name: 'phone 390 px @3x', css: 390, dpr: 3 },
  { name: 'desktop @1x', css: COLUMN, dpr: 1 },
  { name: 'desktop @2x', css: COLUMN, dpr: 2 },
]
const kB = (bytes) => `${(bytes / 1024).toFixed(0)} kB`.padStart(8)

/** A line plot on white, as matplotlib saves one at a high dpi: mostly flat, thin lines, some text. */
async function plotPng(width, height) {
  const lines = Array.from({ length: 6 }, (_, i) => {
    const points = Array.from({ length: 60 }, (_, x) => `${(x / 59) * width * 0.85 + width * 0.1},${height * (0.8 - 0.1 * i) - Math.sin(x / 6 + i) * height * 0.05}`).join(' ')
    return `<polyline points="${points}" fill="none" stroke="hsl(${i * 60},70%,40%)" stroke-width="${width / 400}"/>`
  })
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${lines.join('')}<text x="${width / 2}" y="${height * 0.95}" font-size="${width / 40}" text-anchor="middle">matrix size n</text></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** The candidate a browser takes from a `w` srcset: the narrowest at least as wide as it needs, else the widest. */
function picked(widths, needed) {
  return widths.find((width) => width >= needed) ?? widths[widths.length - 1]
}

async function report(label, png) {
  const started = performance.now()
  const { width, height, variants } = await encodeVariants(png)
  const ms = performance.now() - started
  console.log(`\n${label}: ${width}×${height} PNG, ${kB(png.length).trim()}; ${variants.length} WebP variants made in ${ms.toFixed(0)} ms`)
  for (const variant of variants) console.log(`  ${String(variant.width).padStart(5)} w  ${kB(variant.bytes.length)}`)
  const widths = variants.map((variant) => variant.width)
  console.log(`  ${'screen'.padEnd(20)} ${'original'.padStart(8)}  ${'served'.padStart(8)}  variant`)
  for (const screen of SCREENS) {
    const width = picked(widths, Math.min(screen.css, COLUMN) * screen.dpr)
    const served = variants.find((variant) => variant.width === width)
    console.log(`  ${screen.name.padEnd(20)} ${kB(png.length)}  ${kB(served.bytes.length)}  ${width} w`)
  }
  if (process.argv.includes('--avif')) {
    // Decoded once and scaled to the widest first, as encodeVariants does for WebP.
    const avifStart = performance.now()
    const { data, info } = await sharp(png).resize({ width: widths[widths.length - 1] }).raw().toBuffer({ resolveWithObject: true })
    let bytes = 0
    for (const w of widths) {
      bytes += (await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).resize({ width: w }).avif({ quality: 50, effort: 2 }).toBuffer()).length
    }
    const webp = variants.reduce((sum, variant) => sum + variant.bytes.length, 0)
    console.log(`  AVIF (q50, effort 2) for the same widths: ${(performance.now() - avifStart).toFixed(0)} ms, ${kB(bytes).trim()} (WebP: ${kB(webp).trim()})`)
  }
}

console.log(`Variant widths up to ${MAX_VARIANT_WIDTH} px; libvips threads: ${sharp.concurrency()}`)
await report('Screenshot', await screenshotPng(4000, 3000))
await report('Notebook plot', await plotPng(5801, 6237))
