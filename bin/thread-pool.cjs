// Sizes Node's thread pool for the store, before Node starts it (see cadran.cjs).
const { availableParallelism } = require('node:os');

/** Node's own default, left for file reads, name lookups and compression. */
const NODE_DEFAULT = 4;

/**
 * Room for every DuckDB read connection (CADRAN_READ_CONNECTIONS, or else as many as
 * defaultReadConnections in src/store/duckdb/store.ts opens) and the writer, beside Node's default.
 * A size the environment already gives is kept.
 */
function sizeThreadPool(env) {
  if (env.UV_THREADPOOL_SIZE) return;
  const readConnections =
    Number(env.CADRAN_READ_CONNECTIONS) || Math.max(6, availableParallelism());
  env.UV_THREADPOOL_SIZE = String(readConnections + 1 + NODE_DEFAULT);
}

module.exports = { sizeThreadPool };
