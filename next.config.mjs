/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Contentlayer runs as its own step (see package.json), so Turbopack never needs its webpack plugin.
  distDir: process.env.NEXT_DIST_DIR || '.next',
}

export default nextConfig
