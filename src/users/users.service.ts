import { Injectable, Logger } from '@nestjs/common';
import argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import type { Actor } from '../audit/case-log.service.js';
import { DomainError } from '../common/domain-error.js';
import { User, type Role } from './user.entity.js';

export interface UserChanges {
  role?: Role;
  disabled?: boolean;
}

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$51/bwW9vGP7z3E5rUMgNqw$+rXDYlMNNb4pg7vlbJjZ4gfHkFHXwbCD4bujHfYweE0';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
  ) {}

  async create(email: string, password: string, role: Role, actor: Actor): Promise<User> {
    const user = this.dataSource.getRepository(User).create({
      id: randomUUID(),
      email: email.trim().toLowerCase(),
      passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
      role,
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(User, user);
        await this.caseLog.append(manager, { reference: null, actor, type: 'user.created', details: { userId: user.id, role } });
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DomainError('USER.EXISTS', 'A user with this email already exists', 409);
      throw error;
    }
    return user;
  }

  /** The user when the password matches and the account is enabled, else null (a disabled account costs the same time). */
  async authenticate(email: string, password: string): Promise<User | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
    const ok = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    return user && ok && !user.disabledAt ? user : null;
  }

  /**
   * Changes a user's role or disables (or re-enables) the account. Either change raises the token version, which ends
   * every session and token the user holds at once. The last enabled admin can be neither demoted nor disabled.
   */
  async update(id: string, changes: UserChanges, actor: Actor): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      // User changes are rare: taken one at a time, so two admins demoting each other at once cannot both succeed.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('users.update'))`);
      const users = manager.getRepository(User);
      const user = await users.findOneBy({ id });
      if (!user) throw new DomainError('USER.NOT_FOUND', 'There is no user with this id', 404);
      const role = changes.role ?? user.role;
      const disabledAt = changes.disabled === undefined ? user.disabledAt : changes.disabled ? (user.disabledAt ?? new Date()) : null;
      const changed = role !== user.role || (disabledAt === null) !== (user.disabledAt === null);
      if (!changed) return user;
      if (user.role === 'admin' && !user.disabledAt && (role !== 'admin' || disabledAt)) await this.keepOneAdmin(manager, id);
      await users.update({ id }, { role, disabledAt, tokenVersion: () => 'token_version + 1' });
      await this.caseLog.append(manager, {
        reference: null,
        actor,
        type: 'user.updated',
        details: { userId: id, role, disabled: disabledAt !== null, previousRole: user.role, previouslyDisabled: user.disabledAt !== null },
      });
      return (await users.findOneByOrFail({ id }));
    });
  }

  /** Sets a new password (an admin resetting it) and ends every session and token the user holds. */
  async resetPassword(id: string, password: string, actor: Actor): Promise<void> {
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(User).update({ id }, { passwordHash, tokenVersion: () => 'token_version + 1' });
      if (!result.affected) throw new DomainError('USER.NOT_FOUND', 'There is no user with this id', 404);
      await this.caseLog.append(manager, { reference: null, actor, type: 'user.password_reset', details: { userId: id } });
    });
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new DomainError('USER.NOT_FOUND', 'There is no user with this id', 404);
    return user;
  }

  private async keepOneAdmin(manager: EntityManager, leaving: string): Promise<void> {
    const others = await manager.query(`SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1`, [leaving]);
    if (others.length === 0) throw new DomainError('USER.LAST_ADMIN', 'At least one admin must stay enabled: make another user an admin first', 409);
  }

  async list(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ order: { email: 'ASC' } });
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when there are no users at all. */
  async ensureFirstAdmin(email: string, password: string): Promise<void> {
    const count = await this.dataSource.getRepository(User).count();
    if (count > 0) return;
    try {
      await this.create(email, password, 'admin', 'system');
      this.logger.log('created the first admin user from ADMIN_EMAIL');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // another process created it first
    }
  }
}
