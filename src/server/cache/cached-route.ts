// Serves a read-only route's answers from the result cache. The route's own handler is untouched: it
// runs on a miss, under a signal that interrupts its store reads when every client asking has gone.
import type { FastifyReply } from 'fastify';
import { todayUtc } from '../../model/index.ts';
import { ReadCancelled, withReadSignal, type Store } from '../../store/index.ts';
import { CsvFile } from '../csv.ts';
import { checkResponse, type Route, type RouteContext } from '../route.ts';
import type { CachedAnswer, ResultCache } from './result-cache.ts';

type Context = RouteContext<unknown, unknown, unknown>;

/** Sorted keys, so that the same request written in another order finds the same answer. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/**
 * What makes two requests the same question: the route, its validated parameters, the caller's role
 * (no answer depends on it today; it keeps any future role-scoped answer apart) and the day, since
 * scorecards measure "as of today" unless told otherwise.
 */
function requestKey(declaration: Route, context: Context): string {
  return JSON.stringify([
    declaration.id,
    context.principal?.role ?? null,
    todayUtc(),
    canonical(context.query ?? null),
    canonical(context.params ?? null),
  ]);
}

/** Aborts when the client closes its connection before the answer was sent. */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const response = reply.raw;
  if (response.destroyed) controller.abort();
  else
    response.once('close', () => {
      if (!response.writableFinished) controller.abort();
    });
  return controller.signal;
}

async function computeAnswer(declaration: Route, context: Context): Promise<CachedAnswer> {
  const result = await declaration.handler(context);
  if (result === context.reply) throw new Error(`${declaration.id} is cached but sends its reply`);
  if (result instanceof CsvFile)
    return {
      status: 200,
      contentType: 'text/csv; charset=utf-8',
      body: result.toString(),
      filename: result.safeFilename,
    };
  return {
    status: declaration.status ?? 200,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(checkResponse(declaration, result)),
  };
}

export function cachedRoute(declaration: Route, cache: ResultCache, store: Store): Route {
  return {
    ...declaration,
    handler: async (context) => {
      const { reply } = context;
      try {
        const { answer, outcome } = await cache.answer(
          store.dataVersion,
          requestKey(declaration, context),
          (signal) => withReadSignal(signal, () => computeAnswer(declaration, context)),
          clientGone(reply),
        );
        reply.status(answer.status).type(answer.contentType).header('x-cadran-cache', outcome);
        if (answer.filename)
          reply.header('content-disposition', `attachment; filename="${answer.filename}"`);
        return reply.send(answer.body);
      } catch (error) {
        // Nobody is listening any more: answer into the closed socket without logging an error.
        if (error instanceof ReadCancelled) return reply.status(503).send({ error: error.message });
        throw error;
      }
    },
  };
}
