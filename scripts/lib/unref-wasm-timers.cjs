// Preloaded into the Prisma 6 migration CLI. Its WebAssembly schema engine arms a 10 s
// guard timer that it never clears, so every command lingered 10 s after finishing.
// Unref'd timers still fire while the engine has database I/O in flight; they just no
// longer keep a finished process alive.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutFromWasm(callback, ms, ...args) {
  const timer = originalSetTimeout.call(this, callback, ms, ...args);
  if (new Error().stack.includes("wasm://")) timer.unref();
  return timer;
};
