import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { sqlList } from '../complaints/complaint-categories.js';

export const ROLES = ['officer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
@Check('users_role_check', `role IN (${sqlList(ROLES)})`)
export class User {
  @PrimaryColumn('uuid')
  id: string;

  /** Stored lower-cased. */
  @Index('users_email_key', { unique: true })
  @Column('varchar', { length: 254 })
  email: string;

  @Column('text')
  passwordHash: string;

  @Column('varchar', { length: 20 })
  role: Role;

  /** Set when an admin disables the account: it cannot sign in, and its sessions are refused at once. */
  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;

  /** Raised by every change that must end the user's sessions (role, disabling); sessions carry the version they began with. */
  @Column('integer', { default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
