# Linli: one image for every instance (docs/deployment.md). The same image runs under docker compose,
# Kubernetes or WeChat Cloud Hosting (微信云托管), which builds from a Dockerfile and passes PORT.
#
#   docker build -t linli .
#   docker run -p 3000:3000 -e DATABASE_URL=mysql://… -e WECHAT_APPID=… -e WECHAT_SECRET=… -e JWT_SECRET=… linli

# --- build: shared packages, the server and the mini-program's H5 build ---------------------------
FROM node:20-bookworm AS build
RUN corepack enable && corepack prepare pnpm@10.34.9 --activate
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm build
# Keep only what runs: production dependencies (better-sqlite3 stays compiled for this Debian).
RUN CI=true pnpm install --frozen-lockfile --prod

# --- run ----------------------------------------------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 LINLI_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/pnpm-workspace.yaml ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages ./packages
COPY --from=build /app/apps/server/package.json ./apps/server/package.json
COPY --from=build /app/apps/server/node_modules ./apps/server/node_modules
COPY --from=build /app/apps/server/dist ./apps/server/dist
COPY --from=build /app/apps/miniapp/dist/h5 ./apps/miniapp/dist/h5
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# Liveness only: a database outage must not get every instance restarted (readiness is for the balancer).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains (docs/deployment.md); give it LINLI_SHUTDOWN_TIMEOUT_MS plus a margin before SIGKILL.
STOPSIGNAL SIGTERM
CMD ["node", "apps/server/dist/main.js"]
