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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
