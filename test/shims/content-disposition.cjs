// Jest cannot require() an ES module before Node 24.9, and content-disposition 3 (required by @fastify/static) is
// one. The app never serves downloads through @fastify/static, so in tests this stand-in takes its place.
exports.create = (filename) => `attachment; filename="${String(filename).replace(/[^\x20-\x7e]|"/g, '_')}"`;
