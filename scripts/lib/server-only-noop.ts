// Vitest runs server modules in plain Node, outside the "react-server" condition under
// which the `server-only` package is a no-op; this module stands in for it there.
export {};
