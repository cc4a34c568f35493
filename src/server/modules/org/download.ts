import type { FastifyReply } from 'fastify';

/**
 * Marks a reply as a file download. The plain `filename` is ASCII for old clients; `filename*`
 * carries the Chinese name (RFC 6266 / 5987).
 */
export function attachment(reply: FastifyReply, file: { ascii: string; utf8: string; type: string }): void {
  reply
    .header('content-type', file.type)
    .header('content-disposition', `attachment; filename="${file.ascii}"; filename*=UTF-8''${encodeURIComponent(file.utf8)}`);
}
