import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { sqlList } from '../complaints/complaint-categories.js';
import { User } from '../users/user.entity.js';

export const SESSION_KINDS = ['bearer', 'cookie'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * One signed-in token or browser session. A token is only as good as its row: signing out ends the row, and a token
 * whose row is ended, expired, or older than its user's token version is refused, whatever its signature says.
 */
@Entity('staff_sessions')
@Check('staff_sessions_kind_check', `kind IN (${sqlList(SESSION_KINDS)})`)
export class StaffSession {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 10 })
  kind: SessionKind;

  /** The user's token version when the session began; a role change or disabling raises it and ends the session. */
  @Column('integer')
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Index()
  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;
}
