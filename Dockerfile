# syntax=docker/dockerfile:1.7
# prepdeck API image. Build: docker build -t prepdeck .
# Run:   docker run -p 3000:3000 -e JWT_SECRET=... -e DATABASE_URL=postgres://... prepdeck
# Without DATABASE_URL it uses the embedded PGlite in /app/data (mount a volume there).

# --- deps: production dependencies only, with the Prisma client generated -----------------------
FROM node:20.19-bookworm-slim AS deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
COPY prisma ./prisma
# postinstall runs prisma generate (offline: see prisma/generate.mjs) into src/generated.
RUN npm ci --omit=dev && npm cache clean --force

# --- runtime ----------------------------------------------------------------------------------
FROM node:20.19-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    LOG_LEVEL=info
WORKDIR /app
# tini reaps zombies and forwards SIGTERM so the server can finish in-flight requests.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=deps --chown=node:node /app/src/generated ./src/generated
COPY --chown=node:node package.json package-lock.json tsconfig.json ./
COPY --chown=node:node prisma ./prisma
COPY --chown=node:node src ./src
COPY --chown=node:node seed ./seed
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
# tsx runs the TypeScript sources directly (it is a production dependency); no build step to drift.
CMD ["node", "--import", "tsx", "src/server.ts"]
