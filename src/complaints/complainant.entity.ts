import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The complainant's personal data, kept apart from the complaint so it can be erased or withheld on its own. */
@Entity('complainants')
// The queue's search by name or email (Postgres's simple text search, prefixes): an expression index made by hand.
@Index('complainants_person_search_idx', { synchronize: false })
// A person's latest complaints, straight off the index (the repetition look-up reads at most a few hundred of them,
// however many a person has sent); they also serve every look-up by email key or name key alone.
@Index('complainants_email_key_created_idx', ['emailKey', 'createdAt'])
@Index('complainants_name_address_created_idx', ['nameKey', 'addressKey', 'createdAt'])
export class Complainant {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Null when the complainant chose post and gave an address instead. */
  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  postalAddress: string | null;

  /** Lower-cased, with plus-tags and (for Gmail) dots removed: how the repetition rule recognises a person. */
  @Column('text', { nullable: true })
  emailKey: string | null;

  @Column('text')
  nameKey: string;

  @Column('text', { nullable: true })
  addressKey: string | null;

  /** Access needs and reasonable adjustments, in their own words (may reveal health: personal data, kept here). */
  @Column('text', { nullable: true })
  adjustments: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
