# The site as one image (README, "Deploy"). compose.yaml runs two of it behind Caddy.
#   docker build -t notes-site --build-arg SITE_URL=https://notes.example .

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# argon2 0.45's prebuilt binaries need Node-API 10 (Node 22.14+): on Node 20 `npm ci` compiles it
# (node-gyp), which needs these. They stay in this stage; the compiled addon is in build/Release.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Feeds, the sitemap and social cards carry absolute URLs, fixed when the site is built.
ARG SITE_URL=http://localhost:3000
ENV SITE_URL=${SITE_URL}
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
# The whole project, dev dependencies included: live publishing runs Contentlayer on the config
# (compiled by esbuild, a dev dependency) at run time. Owned by `node`, because the server writes
# in it: pages re-rendered after a publish (.next/), the live content (.contentlayer/live/),
# notebook plots (public/notebooks/), the feed files (public/_feeds/). Sessions go to Redis,
# notes to the clone in /tmp.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# /api/health answers 503 while the instance starts, 200 once it serves the content remote's notes.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `next start` without npm in between, so the SIGTERM of `docker stop` reaches Next itself.
CMD ["node", "node_modules/next/dist/bin/next", "start", "-H", "0.0.0.0", "-p", "3000"]
