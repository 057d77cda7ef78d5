// Preloaded into the Prisma CLI by src/migrate.ts. The WASM schema engine leaves a 10-second timer
// running after `migrate deploy` has finished, which keeps the process alive for nothing. Long timers are
// unref'd so the CLI exits once its real work (database connections, files) is done.
const setTimeoutOriginal = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = setTimeoutOriginal(callback, ms, ...args);
  if (ms >= 1000) timer.unref();
  return timer;
};
