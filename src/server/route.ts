// One declaration per endpoint: its schemas validate the request and the response, check the role and
// feed the OpenAPI document, so the documentation cannot drift from what the server accepts and returns.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InputError } from '../model/index.ts';
import { principalOfRequest, roleAllows, type Principal, type Role } from './auth/tokens.ts';
import { CsvFile } from './csv.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<Q, B, P> {
  query: Q;
  body: B;
  params: P;
  request: FastifyRequest;
  reply: FastifyReply;
  /** The caller; null only on public routes. */
  principal: Principal | null;
}

export interface Route<
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  id: string;
  method: Method;
  url: string;
  summary: string;
  description?: string;
  tag: string;
  /** The least role that may call it; 'public' needs no login (login, setup, health). */
  role: Role | 'public';
  query?: Q;
  body?: B;
  params?: P;
  response: R;
  status?: number;
  /** Answers text/csv when the query says format=csv. */
  csv?: boolean;
  /** Takes a multipart/form-data upload instead of a JSON body (documented by `body`). */
  multipart?: boolean;
  handler(
    context: RouteContext<z.output<Q>, z.output<B>, z.output<P>>,
  ): Promise<z.input<R> | CsvFile | FastifyReply>;
}

/** Keeps the generic types of a declaration while collecting it in a plain list. */
export function route<
  Q extends z.ZodType,
  B extends z.ZodType,
  P extends z.ZodType,
  R extends z.ZodType,
>(declaration: Route<Q, B, P, R>): Route {
  return declaration as unknown as Route;
}

function parseInput<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string) {
  if (!schema) return value;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.');
  throw new InputError(`${where}${field ? ` "${field}"` : ''}: ${issue.message}`, {
    column: field || undefined,
    code: where === 'field' ? 'invalid-field' : 'invalid-parameter',
    params: { name: field },
  });
}

/** A response that breaks its own schema is our bug: a 500 that names the field, never a silent drift. */
export function checkResponse(declaration: Route, payload: unknown): unknown {
  const parsed = declaration.response.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `response of ${declaration.id} does not match its schema at "${issue.path.join('.')}": ${issue.message}`,
  );
}

export function registerRoute(app: FastifyInstance, declaration: Route): void {
  app.route({
    method: declaration.method,
    url: declaration.url,
    config: { public: declaration.role === 'public', operationId: declaration.id },
    handler: async (request, reply) => {
      const principal = principalOfRequest(request) ?? null;
      if (declaration.role !== 'public' && !principal)
        return reply.status(401).send({ error: 'authentication required' });
      if (declaration.role !== 'public' && !roleAllows(principal!.role, declaration.role))
        return reply
          .status(403)
          .send({ error: `this needs the ${declaration.role} role (you are ${principal!.role})` });
      const result = await declaration.handler({
        query: parseInput(declaration.query, request.query, 'query parameter'),
        body: declaration.multipart
          ? undefined
          : parseInput(declaration.body, request.body, 'field'),
        params: parseInput(declaration.params, request.params, 'path parameter'),
        request,
        reply,
        principal,
      });
      if (result === reply) return reply;
      if (result instanceof CsvFile) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${result.safeFilename}"`)
          .send(result.toString());
      }
      return reply.status(declaration.status ?? 200).send(checkResponse(declaration, result));
    },
  });
}
