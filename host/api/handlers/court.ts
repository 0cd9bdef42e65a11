import QRCode from 'qrcode';
import { coded } from '../../../contract/errors/codes.js';
import { formatJoinCode, hashSecret, newJoinCode } from '../../court/join-code.js';
import { BadRequestError, NotFoundError } from '../../errors.js';
import { auditedBy } from '../../records/actor.js';
import { appendAudit } from '../../records/audit.js';
import { findHearing, findParticipant } from '../../records/queries/hearings.js';
import { findWitness } from '../../records/queries/witnesses.js';
import type { ApiHandlers } from '../checked-call.js';
import type { HostContext } from '../context.js';
import { joinLink } from './net.js';
import { linkedWitnessId, linkWitness } from '../../records/queries/hearing-witnesses.js';
import {
  findJoinCodeById,
  insertJoinCode,
  listJoinCodes,
  revokeCodesOf,
  revokeJoinCode,
  type JoinCodeRow,
} from '../../records/queries/join-codes.js';

type CourtChannel = 'court:issue-code' | 'court:revoke-code' | 'court:codes';

export function createCourtHandlers(context: HostContext): Pick<ApiHandlers, CourtChannel> {
  const connected = (participantId: number) => context.court?.isConnected(participantId) ?? false;
  const toRecord = (row: JoinCodeRow) => ({
    id: row.id,
    hearingId: row.hearingId,
    participantId: row.participantId,
    role: row.role,
    displayName: row.displayName,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    status: row.revokedAt
      ? ('revoked' as const)
      : row.claimedAt
        ? ('in-use' as const)
        : new Date(row.expiresAt) <= new Date()
          ? ('expired' as const)
          : ('unused' as const),
    connected: !row.revokedAt && connected(row.participantId),
  });

  return {
    'court:issue-code': async (
      { participantId, validHours, witnessId, linkBase },
      { records: { db }, actor },
    ) => {
      const participant = findParticipant(db, participantId);
      if (!participant) throw new NotFoundError(coded('participant.not-found'));
      const hearing = findHearing(db, participant.hearingId);
      if (!hearing) throw new NotFoundError(coded('hearing.not-found'));
      if (hearing.status === 'closed') throw new BadRequestError(coded('hearing.closed'));
      if (hearing.status === 'cancelled') throw new BadRequestError(coded('hearing.cancelled'));
      if (hearing.status === 'completed') throw new BadRequestError(coded('hearing.completed'));
      if (participant.role === 'witness') {
        if (witnessId !== undefined && !findWitness(db, witnessId))
          throw new BadRequestError(coded('witness.choose-registered'), [
            { path: 'witnessId', ...coded('witness.choose-registered') },
          ]);
        if (witnessId === undefined && linkedWitnessId(db, participantId) === undefined)
          throw new BadRequestError(coded('witness.link-required'), [
            { path: 'witnessId', ...coded('witness.choose-registered') },
          ]);
      }
      const code = newJoinCode();
      const row = db
        .transaction(() => {
          if (participant.role === 'witness' && witnessId !== undefined)
            linkWitness(db, participantId, witnessId);
          const revoked = revokeCodesOf(db, participantId);
          const inserted = insertJoinCode(db, {
            hearingId: participant.hearingId,
            participantId,
            codeHash: hashSecret(code),
            expiresAt: new Date(Date.now() + validHours * 3600_000),
          });
          appendAudit(db, {
            ...auditedBy(actor),
            action: 'join-code.issued',
            subjectType: 'hearing',
            subjectId: participant.hearingId,
            detail: {
              participantId,
              codeId: inserted.id,
              expiresAt: inserted.expiresAt,
              replaced: revoked,
            },
          });
          return { ...inserted, replaced: revoked };
        })
        .immediate();
      // Whoever holds the replaced code leaves at once, as on a revoke.
      if (row.replaced > 0) context.court?.codeRevoked(participantId);
      const formatted = formatJoinCode(code);
      const link = joinLink(context, linkBase, formatted);
      const svg = await QRCode.toString(link, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return {
        ...toRecord(row),
        code: formatted,
        link,
        qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
        fingerprint: context.lan?.fingerprint ?? null,
      };
    },
    'court:revoke-code': ({ codeId }, { records: { db }, actor }) => {
      const row = findJoinCodeById(db, codeId);
      if (!row) throw new NotFoundError(coded('join-code.not-found'));
      const revoked = db
        .transaction(() => {
          const done = revokeJoinCode(db, codeId);
          if (done)
            appendAudit(db, {
              ...auditedBy(actor),
              action: 'join-code.revoked',
              subjectType: 'hearing',
              subjectId: row.hearingId,
              detail: { participantId: row.participantId, codeId },
            });
          return done;
        })
        .immediate();
      if (revoked) context.court?.codeRevoked(row.participantId);
      return { revoked };
    },
    'court:codes': ({ hearingId }, { records: { db } }) => {
      if (!findHearing(db, hearingId)) throw new NotFoundError(coded('hearing.not-found'));
      return listJoinCodes(db, hearingId).map(toRecord);
    },
  };
}
