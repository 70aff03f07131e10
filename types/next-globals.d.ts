// Next.js's ambient types (CSS modules, images, process.env.NODE_ENV), so `tsc` type-checks
// a fresh clone the same way as after a build (next-env.d.ts is generated and not committed).
/// <reference types="next" />
/// <reference types="next/image-types/global" />
