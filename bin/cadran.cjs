#!/usr/bin/env node
// The command's entry point, in CommonJS so that it runs before Node's thread pool starts.
// DuckDB runs each statement on a thread of that pool, which also reads files: with one read
// connection per core and at least six, the default 4 threads could all be held by reads while a
// file read waits behind them. Node sizes the pool when it first uses it, and loading an ES module
// entry already does: hence this first step.
require('./thread-pool.cjs').sizeThreadPool(process.env);
import('./launch.mjs');
