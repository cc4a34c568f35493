import type { FastifyReply } from 'fastify';

/** RFC 5987 value encoding: encodeURIComponent leaves ' ( ) * ! unencoded, which the header grammar does not allow. */
const rfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Marks a reply as a file download (or, with `inline`, as something the browser may show). The plain
 * `filename` is ASCII for old clients; `filename*` carries the Chinese name (RFC 6266 / 5987).
 */
export function attachment(reply: FastifyReply, file: { ascii: string; utf8: string; type: string; inline?: boolean }): void {
  reply
    .header('content-type', file.type)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.ascii}"; filename*=UTF-8''${rfc5987(file.utf8)}`);
}
