/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Contentlayer runs as its own step (see package.json), so Turbopack never needs its webpack plugin.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm run dev` may be opened as 127.0.0.1 as well as localhost.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
}

export default nextConfig
