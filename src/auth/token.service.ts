import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import type { User } from '../users/user.entity.js';
import type { SessionKind } from './staff-session.entity.js';
import type { StaffUser, TokenClaims } from './staff-user.js';

export const SESSION_COOKIE = 'pcc_session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface SessionRow {
  id: string;
  email: string;
  role: StaffUser['role'];
}

/**
 * Staff tokens: HS256-signed (no other algorithm), and each names a server-side session. A signature alone never
 * signs anyone in: the session must be open and unexpired, and its user must exist, be enabled and still be at the
 * token version the session began with. The role comes from the users table, not from the token.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  async sign(user: Pick<User, 'id' | 'tokenVersion'>, kind: SessionKind): Promise<string> {
    const sessionId = randomUUID();
    await this.dataSource.query(
      `INSERT INTO staff_sessions (id, user_id, kind, token_version, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [sessionId, user.id, kind, user.tokenVersion, this.env.AUTH_TOKEN_TTL_MINUTES],
    );
    const claims: TokenClaims = { sub: user.id, sid: sessionId };
    return this.jwt.signAsync(claims);
  }

  async verify(token: string): Promise<StaffUser | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !UUID.test(claims.sub) || !UUID.test(claims.sid)) return null;
    const [row] = (await this.dataSource.query(
      `SELECT u.id, u.email, u.role
         FROM staff_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > now()
          AND u.disabled_at IS NULL AND u.token_version = s.token_version`,
      [claims.sid, claims.sub],
    )) as SessionRow[];
    return row ? { id: row.id, email: row.email, role: row.role, sessionId: claims.sid } : null;
  }

  /** Signs out: the session's token or cookie is refused from now on. */
  async end(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE staff_sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL`, [sessionId]);
  }

  /** Sessions long past their expiry are of no use to anyone; dropped now and then so the table stays small. */
  async forgetExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM staff_sessions WHERE expires_at < now() - interval '1 day'`);
  }
}
