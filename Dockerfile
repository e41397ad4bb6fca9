# syntax=docker/dockerfile:1
# Steppe: one image serves the app (`node server.js`) and the one-shot loader (`node loader.mjs`).

# --- dependencies (cached while package files are unchanged) ---
FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm install, not npm ci: see the README (the lock lacks other platforms' optional compiler builds).
RUN npm install --no-audit --no-fund --ignore-scripts

# --- build: Next.js standalone server and the bundled loader ---
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build \
 && npx esbuild scripts/db-load.ts --bundle --platform=node --format=esm --target=node20 \
      --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" \
      --outfile=dist/loader.mjs

# --- runtime: only the standalone output, the dataset and the schema; no dev dependencies, no secrets ---
FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    STEPPE_DATA_DIR=/var/lib/steppe
WORKDIR /app
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/schema.graphql ./schema.graphql
COPY --from=build --chown=node:node /app/data ./data
COPY --from=build --chown=node:node /app/dist/loader.mjs ./loader.mjs
RUN mkdir -p /var/lib/steppe && chown node:node /var/lib/steppe
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
