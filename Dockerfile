# The API with its workspace packages, for `docker compose up`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci && npx turbo run build --filter=@tradegraph/api && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY --from=build /app /app
EXPOSE 4000
USER node
CMD ["node", "apps/api/dist/bin/main.js"]
