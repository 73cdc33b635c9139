import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';

/** Every error the API answers has this shape (AllExceptionsFilter makes it). */
export class ErrorResponseDto {
  @ApiProperty({ description: 'the HTTP status again' }) statusCode: number;
  @ApiProperty({ type: [String], description: 'what went wrong, in words a person can act on; for a 400 one entry a field, naming it' }) message: string[];
  @ApiProperty({ description: 'the status’s name: Bad Request, Not Found, Conflict…' }) error: string;
  @ApiPropertyOptional({ example: 'CASE.INVALID_TRANSITION', description: 'a stable code, for errors the application raises itself' }) code?: string;
  @ApiPropertyOptional({ description: 'on a 500 or 503: quote it when reporting the problem' }) requestId?: string;
}

/** A file or text the API streams as it is (PDF, CSV, a signed note), for a 2xx that is not JSON. */
export const FILE_SCHEMA = { type: 'string', format: 'binary' } as const;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** The errors an operation can answer, each with what causes it; all in the one error shape. */
export const ApiErrors = (errors: Partial<Record<ErrorStatus, string>>) =>
  applyDecorators(...Object.entries(errors).map(([status, description]) => ApiResponse({ status: Number(status), description, type: ErrorResponseDto })));

/** Who may call an operation: the roles (admins always included), 'signed in' for any member of staff, or 'anyone'. */
export const ROLES_EXTENSION = 'x-roles';

const WHO: Record<string, string> = { anyone: 'anyone, without signing in', officer: 'officer', auditor: 'auditor', admin: 'admin' };

/** "officer or admin", from the x-roles list. */
export function whoMayCall(roles: readonly string[]): string {
  const words = roles.map((role) => WHO[role] ?? role);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

type Content = Record<string, { schema?: { $ref?: string } }>;
type Operation = { description?: string; responses?: Record<string, { content?: Content }>; [ROLES_EXTENSION]?: string[] };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Finishes the generated document so that it cannot drift from the code: each description opens with who may call
 * the operation (from the same decorator the guard reads), and every error is JSON in the error shape, even on an
 * operation that otherwise produces a PDF or CSV (the health check's 503, a report of its own, keeps its schema).
 */
export function finishOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const errorContent = { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const roles = operation[ROLES_EXTENSION];
      if (roles?.length) {
        const who = `**Who:** ${whoMayCall(roles)}.`;
        operation.description = operation.description ? `${who}\n\n${operation.description}` : who;
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const declared = Object.values(response.content ?? {});
        const isErrorShape = declared.length === 0 || declared.some((c) => c.schema?.$ref === errorContent['application/json'].schema.$ref);
        if (Number(status) >= 400 && isErrorShape) response.content = errorContent;
      }
    }
  }
  return document;
}
