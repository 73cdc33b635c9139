import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { StaffUser, TokenClaims } from './staff-user.js';

export const SESSION_COOKIE = 'pcc_session';

/** Signs and checks staff tokens (HS256 only: "none" and other algorithms are refused). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(user: StaffUser): Promise<string> {
    const claims: TokenClaims = { sub: user.id, email: user.email, role: user.role };
    return this.jwt.signAsync(claims);
  }

  async verify(token: string): Promise<StaffUser | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
      return { id: claims.sub, email: claims.email, role: claims.role };
    } catch {
      return null;
    }
  }
}
