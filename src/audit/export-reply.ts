import type { FastifyReply } from 'fastify';
import type { OpenExport } from './case-log-export.service.js';

/**
 * Streams an opened export as a download, for the API and the auditors' page alike. The chain head and its signed
 * checkpoint go in headers, so that every line of the body is an event (CSV: after its header line).
 */
export async function sendExport(reply: FastifyReply, opened: OpenExport): Promise<void> {
  reply.raw.once('close', () => void opened.finish(reply.raw.writableFinished));
  // Not awaited: a Fastify reply is thenable and would wait for its own sending.
  reply
    .header('content-type', opened.contentType)
    .header('content-disposition', `attachment; filename="${opened.fileName}"`)
    .header('cache-control', 'no-store')
    .header('x-chain-head-sequence', String(opened.head.sequence))
    .header('x-chain-head-hash', opened.head.hash);
  if (opened.checkpoint) {
    reply
      .header('x-chain-checkpoint-id', opened.checkpoint.id)
      .header('x-chain-checkpoint', Buffer.from(opened.checkpoint.note).toString('base64'))
      .header('link', `</api/audit/checkpoints/${opened.checkpoint.id}/note>; rel="describedby"; type="text/plain"`);
  } else {
    reply.header('x-chain-checkpoint-refused', opened.checkpointRefused ?? 'not signed');
  }
  await reply.send(opened.body);
}
